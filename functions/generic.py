"""Generic: a shared secret in a header, or an HMAC configured entirely by variables."""

from __future__ import annotations

import os
from functools import lru_cache

from shared.delivery import Delivery
from shared.errors import NotConfigured
from shared.provider import Provider, Retries, header
from shared.schemes import Hmac, Token
from shared.secrets import Secrets

HMAC_SETTINGS = ("HEADER", "ALGORITHM", "ENCODING", "PREFIX", "SIGNED", "TIMESTAMP")


@lru_cache(maxsize=8)
def _hmac(header_name: str, algorithm: str, encoding: str, prefix: str, signed: str, timestamp: str) -> Hmac:
    try:
        if encoding not in ("hex", "base64"):
            raise ValueError(encoding)
        return Hmac(
            header=header_name,
            algorithm=algorithm or "sha256",
            encoding=encoding,  # type: ignore[arg-type]
            prefix=prefix,
            signed=signed or "{body}",
            timestamp=timestamp or None,
        )
    except ValueError:
        raise NotConfigured("GENERIC_HMAC_*") from None


def scheme() -> Hmac | Token:
    """The scheme the variables describe: HMAC when GENERIC_HMAC_HEADER is set, else a token."""
    settings = {name: os.environ.get(f"GENERIC_HMAC_{name}", "").strip() for name in HMAC_SETTINGS}
    if not settings["HEADER"]:
        return Token(header=os.environ.get("GENERIC_HEADER", "").strip() or "X-Webhook-Secret")
    return _hmac(
        settings["HEADER"],
        settings["ALGORITHM"].lower(),
        settings["ENCODING"].lower() or "hex",
        os.environ.get("GENERIC_HMAC_PREFIX", ""),
        settings["SIGNED"],
        settings["TIMESTAMP"],
    )


def verify(delivery: Delivery, secrets: Secrets) -> None:
    """HMAC mode when GENERIC_HMAC_HEADER is set, else the secret itself in GENERIC_HEADER."""
    scheme()(delivery, secrets)


def event_type(delivery: Delivery) -> str | None:
    """The header named by `GENERIC_EVENT_HEADER`."""
    name = os.environ.get("GENERIC_EVENT_HEADER", "").strip()
    return header(name)(delivery) if name else None


def delivery_id(delivery: Delivery) -> str | None:
    """The header named by `GENERIC_ID_HEADER`."""
    name = os.environ.get("GENERIC_ID_HEADER", "").strip()
    return header(name)(delivery) if name else None


PROVIDER = Provider(
    id="generic",
    docs="https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md",
    summary="the secret in `GENERIC_HEADER`, or an HMAC set by `GENERIC_HMAC_*`",
    verify=verify,
    event_type=event_type,
    delivery_id=delivery_id,
    timeout=10,
    variables=(
        "GENERIC_HEADER",
        "GENERIC_HMAC_HEADER",
        "GENERIC_HMAC_ALGORITHM",
        "GENERIC_HMAC_ENCODING",
        "GENERIC_HMAC_PREFIX",
        "GENERIC_HMAC_SIGNED",
        "GENERIC_HMAC_TIMESTAMP",
        "GENERIC_EVENT_HEADER",
        "GENERIC_ID_HEADER",
    ),
    retries=Retries(
        retries=None,
        on="depends on the sender (Standard Webhooks spec leaves retries to it)",
        source="https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md",
    ),
)
