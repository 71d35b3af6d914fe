"""Alipay asynchronous notifications (notify_url): RSA2 (SHA256withRSA) `sign` form field over the
other fields sorted, `sign` and `sign_type` left out, checked with Alipay's public key; `success`."""

from __future__ import annotations

import base64
import binascii
import codecs
from typing import Any
from urllib.parse import parse_qsl

from shared.delivery import Delivery
from shared.errors import BadRequest, NotConfigured, Unauthorized
from shared.provider import Answer, Provider, Retries
from shared.schemes import ALGORITHMS, rsa_public_key
from shared.secrets import Secrets


def _params(delivery: Delivery) -> dict[str, str]:
    """The form fields, decoded in the notification's own `charset` (utf-8 or gbk)."""
    if not delivery.is_form():
        raise BadRequest("bad_form")
    try:
        text = delivery.body.decode("ascii")  # percent-encoded: anything else was never sent
        declared = dict(parse_qsl(text, keep_blank_values=True, encoding="latin-1")).get("charset") or "utf-8"
        charset = codecs.lookup(declared).name
        pairs = parse_qsl(text, keep_blank_values=True, encoding=charset, errors="strict")
    except (ValueError, LookupError):
        raise BadRequest("bad_form") from None
    params = dict(pairs)
    if len(params) != len(pairs):
        raise BadRequest("bad_form")  # a repeated field: which value was signed is ambiguous
    return params


def _content(params: dict[str, str]) -> str:
    """`k=v` joined by `&`, keys sorted, without `sign` and `sign_type` (AlipaySignature.getSignCheckContentV1)."""
    return "&".join(f"{key}={params[key]}" for key in sorted(params) if key not in ("sign", "sign_type"))


def verify(delivery: Delivery, secrets: Secrets) -> None:
    """The `sign` field against SHA256withRSA of the sorted other fields, with Alipay's public key."""
    from cryptography.exceptions import InvalidSignature

    params = _params(delivery)
    try:
        signature = base64.b64decode(params.get("sign", ""), validate=True)
    except binascii.Error:
        raise Unauthorized("bad_signature") from None
    if not signature:
        raise Unauthorized("missing_signature")
    keys = [key for key in (rsa_public_key(s.value) for s in secrets) if key is not None]
    if not keys:
        raise NotConfigured("ALIPAY_PUBLIC_KEY")
    message = _content(params).encode(codecs.lookup(params.get("charset") or "utf-8").name)
    check = ALGORITHMS["rsa"][1]  # RSASSA-PKCS1-v1_5 with SHA-256: Alipay's "RSA2"

    def valid(key: Any) -> bool:
        try:
            check(key, signature, message)
        except (InvalidSignature, ValueError):
            return False
        return True

    if not any(valid(key) for key in keys):
        raise Unauthorized("bad_signature")


def field(name: str) -> Any:
    """Read a fact from the notification's form fields."""

    def read(delivery: Delivery) -> str | None:
        return _params(delivery).get(name) or None

    read.__doc__ = f"form field `{name}`"
    return read


PROVIDER = Provider(
    id="alipay",
    docs="https://opendocs.alipay.com/open/270/105902",
    summary="RSA2 (SHA256withRSA) `sign` form field over the sorted other fields but `sign_type`; "
    "Alipay public key; answers `success`",
    # Alipay's public key ("支付宝公钥", one line of base64 DER as the console shows it, or the
    # PEM, pasted whole): the contract names it <ID>_PUBLIC_KEY.
    secret="PUBLIC_KEY",
    verify=verify,
    event_type=field("notify_type"),
    # One notification keeps its notify_id across Alipay's retries (4m, 10m, 10m, 1h, 2h, 6h, 15h).
    delivery_id=field("notify_id"),
    source=field("app_id"),
    attributes={"trade_status": field("trade_status"), "out_trade_no": field("out_trade_no")},
    # "程序执行完后必须打印输出 success": any other answer and Alipay sends the notification again.
    ack=Answer(body=b"success"),
    # Alipay publishes no response deadline: the contract default.
    timeout=10,
    retries=Retries(
        retries=True,
        on='body other than "success" (any status)',
        schedule="up to 8 notifications in ~25 h (2m,10m,10m,1h,2h,6h,15h)",
        source="https://global.alipay.com/help/online/91",
    ),
)
