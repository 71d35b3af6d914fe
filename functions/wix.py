"""Wix: the whole body is a JWT (RS256) signed by Wix, checked with the app's public key.

Decoded, the token's `data` is a JSON string holding `eventType`, `instanceId` and the event's
own `data` (another JSON string). The body is published as received: the JWT, byte for byte.
"""

from __future__ import annotations

import json
from typing import Any

from shared.delivery import Delivery
from shared.errors import NotConfigured, Unauthorized
from shared.provider import Provider, Retries
from shared.schemes import rsa_public_key
from shared.secrets import Secrets

LEEWAY = 10.0  # seconds of clock skew allowed on `exp`


def _claims(token: str, key: Any) -> dict | None:
    import jwt

    try:
        # RS256 pinned: a token naming `none` or HS256 (with the public key as secret) never verifies.
        return jwt.decode(token, key, algorithms=["RS256"], options={"verify_exp": False, "verify_aud": False})
    except (jwt.InvalidTokenError, ValueError, TypeError):
        return None


def verify(delivery: Delivery, secrets: Secrets) -> None:
    """The body is a JWT signed with Wix's key for this app; `exp`, when present, is checked."""
    try:
        compact = delivery.body.decode("ascii")
    except UnicodeDecodeError:
        raise Unauthorized("bad_token") from None
    if len(compact.split(".")) != 3:  # header.payload.signature
        raise Unauthorized("missing_token")
    keys = [key for key in (rsa_public_key(s.value) for s in secrets) if key is not None]
    if not keys:
        raise NotConfigured("WIX_PUBLIC_KEY")
    claims = next((c for c in (_claims(compact, key) for key in keys) if c is not None), None)
    if claims is None:
        raise Unauthorized("bad_token")
    expiry = claims.get("exp")
    if isinstance(expiry, int | float) and not isinstance(expiry, bool) and delivery.received_at > expiry + LEEWAY:
        raise Unauthorized("expired_token")


def _envelope(delivery: Delivery) -> dict[str, Any]:
    """The verified token's `data`, parsed (`eventType`, `instanceId`, `data`); {} when absent."""
    import jwt

    try:
        claims = jwt.decode(delivery.body.decode("ascii"), options={"verify_signature": False})
        data = claims.get("data")
        envelope = json.loads(data) if isinstance(data, str) else data
    except (jwt.InvalidTokenError, ValueError, UnicodeDecodeError):
        return {}
    return envelope if isinstance(envelope, dict) else {}


def event_type(delivery: Delivery) -> str | None:
    """`eventType` inside the token's `data`."""
    value = _envelope(delivery).get("eventType")
    return value if isinstance(value, str) else None


def instance_id(delivery: Delivery) -> str | None:
    """`instanceId` inside the token's `data`: the app's installation on one site."""
    value = _envelope(delivery).get("instanceId")
    return value if isinstance(value, str) else None


def event_id(delivery: Delivery) -> str | None:
    """`id` of the event inside the token's `data.data`, where Wix puts one."""
    inner = _envelope(delivery).get("data")
    try:
        event = json.loads(inner) if isinstance(inner, str) else inner
    except ValueError:
        return None
    value = event.get("id") if isinstance(event, dict) else None
    return value if isinstance(value, str) else None


PROVIDER = Provider(
    id="wix",
    docs="https://dev.wix.com/docs/build-apps/developer-tools/apis-and-webhooks/webhooks",
    summary="The body is a JWT (RS256) signed by Wix; checked with the app's public key",
    # The verification key is public: the contract names it <ID>_PUBLIC_KEY: the PEM (pasted
    # whole) or one line of base64 DER.
    secret="PUBLIC_KEY",
    verify=verify,
    event_type=event_type,
    delivery_id=event_id,
    source=instance_id,
    # Wix documents no response deadline: 10 s is a guess.
    timeout=10,
    retries=Retries(
        retries=True,
        on="non-200 or no answer within 1250 ms",
        schedule="up to 12 more: 1 min, 10 min, 1 h, 2 h x3, 4 h x3, 8 h x2, 12 h (~48 h)",
        source="https://dev.wix.com/docs/rest/articles/getting-started/webhook-resend-policy",
    ),
)
