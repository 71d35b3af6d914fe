"""Neon Auth: a detached JWS (EdDSA, Ed25519) in `X-Neon-Signature`, `<header>..<signature>`,
whose payload is `<X-Neon-Timestamp>.<base64url(body)>` (so base64url twice in the signing
input); the key is the one `X-Neon-Signature-Kid` names in `<NEON_AUTH_URL>/.well-known/jwks.json`.

The configured values are the Neon Auth URLs (one per project branch) whose keys may sign.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

from shared import certificates
from shared.delivery import Delivery
from shared.errors import NotConfigured, Unauthorized
from shared.provider import EMPTY_200, Answer, Provider, Retries, header, json_field
from shared.schemes import check_age, parse_timestamp
from shared.secrets import Secrets

ALGORITHM = "EdDSA"
# `user.before_create` blocks the signup until it answers, and fails closed: anything but
# `{"allowed": true}` rejects the user. A relay to Pub/Sub cannot decide synchronously, so it
# lets the signup through; `send.*` and `user.created` ignore the body of any 2xx.
ALLOWED = Answer(body=b'{"allowed":true}', content_type="application/json")


def keys(document: bytes) -> dict[str, Any]:
    """The Ed25519 signing keys of a JWKS document by kid."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    return certificates.key_set(document, Ed25519PublicKey)


def _key(delivery: Delivery, secrets: Secrets, kid: str) -> Any:
    """The key `kid` names in the JWKS of one of the configured Neon Auth URLs."""
    for secret in secrets:
        auth_url = secret.value.decode("utf-8", "replace").strip().rstrip("/")
        if not auth_url.startswith("https://"):
            raise NotConfigured("NEON_AUTH_URL")
        key = keys(certificates.document(delivery, f"{auth_url}/.well-known/jwks.json")).get(kid)
        if key is not None:
            return key
    return None


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


@dataclass(frozen=True, slots=True, kw_only=True)
class NeonJws:
    """The JWS with `timestamp.base64url(body)` put back as its payload (RFC 7515 appendix F)."""

    header: str = "X-Neon-Signature"
    kid: str = "X-Neon-Signature-Kid"
    timestamp: str = "X-Neon-Timestamp"
    tolerance: float = 300.0  # "Consider rejecting requests where X-Neon-Timestamp is more than 5 minutes old"

    def __call__(self, delivery: Delivery, secrets: Secrets) -> None:
        import jwt

        parts = (delivery.header(self.header) or "").strip().split(".")
        if len(parts) != 3 or parts[1] or not parts[0] or not parts[2]:
            raise Unauthorized("missing_signature")
        kid, timestamp = delivery.header(self.kid), delivery.header(self.timestamp)
        if not kid:
            raise Unauthorized("missing_signature")
        if timestamp is None:
            raise Unauthorized("missing_timestamp")
        key = _key(delivery, secrets, kid)
        if key is None:
            raise Unauthorized("unknown_key")
        payload = _b64url(timestamp.encode("utf-8") + b"." + _b64url(delivery.body).encode("ascii"))
        try:
            # The algorithm is pinned: a header naming `none`, HS256 or RS256 never verifies.
            jwt.api_jws.decode_complete(f"{parts[0]}.{payload}.{parts[2]}", key, algorithms=[ALGORITHM])
        except (jwt.PyJWTError, ValueError, TypeError, json.JSONDecodeError, UnicodeEncodeError):
            raise Unauthorized("bad_signature") from None
        check_age(parse_timestamp(timestamp, "ms"), delivery.received_at, self.tolerance)


def ack(delivery: Delivery) -> Answer:
    """`{"allowed": true}` to `user.before_create`; an empty 200 to every other event."""
    return ALLOWED if delivery.header("X-Neon-Event-Type") == "user.before_create" else EMPTY_200


PROVIDER = Provider(
    id="neon",
    docs="https://neon.com/docs/auth/guides/webhooks",
    summary="Detached JWS (EdDSA) of `ts.b64url(body)`, `X-Neon-Signature: <header>..<sig>`, JWKS key; 300 s",
    verify=NeonJws(),
    secret="AUTH_URL",
    event_type=header("X-Neon-Event-Type"),
    # "Retries send the same X-Neon-Event-Id".
    delivery_id=header("X-Neon-Event-Id"),
    time=json_field("timestamp"),
    retry=header("X-Neon-Delivery-Attempt"),
    ack=ack,
    # `timeout_seconds` is 1-10 per attempt, 5 by default, 15 s across the 3 attempts.
    timeout=5,
    variables=("NEON_CERTS_URL",),
    retries=Retries(
        retries=False,
        on='user.created "fire-and-forget"; blocking events synchronous, 1-10 s',
        schedule="none documented",
        source="https://neon.com/docs/auth/guides/webhooks",
    ),
)
