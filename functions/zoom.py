"""Zoom: HMAC-SHA256 of `v0:timestamp:body`, hex, `v0=`, in x-zm-signature; the URL validation."""

from __future__ import annotations

import hashlib
import hmac
import json

from shared import secrets
from shared.delivery import Delivery
from shared.errors import BadRequest, Unauthorized
from shared.provider import Answer, Provider, Retries, header, json_field
from shared.schemes import Hmac, text_bytes

SIGNATURE = Hmac(
    header="x-zm-signature",
    prefix="v0=",
    signed="v0:{timestamp}:{body}",
    timestamp="x-zm-request-timestamp",
)


def url_validation(delivery: Delivery) -> Answer | None:
    """Answer `endpoint.url_validation` with plainToken and its HMAC-SHA256 (hex) as encryptedToken."""
    document = delivery.json()
    if not isinstance(document, dict) or document.get("event") != "endpoint.url_validation":
        return None
    payload = document.get("payload")
    plain = payload.get("plainToken") if isinstance(payload, dict) else None
    if not isinstance(plain, str):
        raise BadRequest("bad_challenge")
    # With several secrets (rotation), answer with the one that signed this request.
    key = next((s.value for s in secrets.load(delivery.provider) if _signed_with(delivery, s)), None)
    if key is None:
        raise Unauthorized("bad_signature")
    encrypted = hmac.new(key, text_bytes(plain), hashlib.sha256).hexdigest()
    body = json.dumps({"plainToken": plain, "encryptedToken": encrypted}).encode("utf-8")
    return Answer(body=body, content_type="application/json")


def _signed_with(delivery: Delivery, secret: secrets.Secret) -> bool:
    try:
        SIGNATURE(delivery, (secret,))
    except Unauthorized:
        return False
    return True


PROVIDER = Provider(
    id="zoom",
    docs="https://developers.zoom.us/docs/api/webhooks/#verify-webhook-events",
    summary="HMAC-SHA256 of `v0:ts:body`, `x-zm-signature: v0=<hex>`; 300 s",
    verify=SIGNATURE,
    event_type=json_field("event"),
    # Zoom sends no documented delivery id; x-zm-trackingid names the delivery.
    delivery_id=header("x-zm-trackingid"),
    source=json_field("payload.account_id"),
    handshake=url_validation,
    # Zoom waits 3 s, then retries after 5, 20 and 60 minutes.
    timeout=3,
    retries=Retries(
        retries=True,
        on="not 200/204 within 3 s",
        schedule="3 retries: +5 min, +20 min, +60 min",
        source="https://developers.zoom.us/blog/webhook-delays/",
    ),
)
