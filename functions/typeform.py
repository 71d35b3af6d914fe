"""Typeform: HMAC-SHA256 of the raw body, base64, `sha256=` prefix, in Typeform-Signature."""

from __future__ import annotations

from shared.provider import Provider, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="typeform",
    docs="https://www.typeform.com/developers/webhooks/secure-your-webhooks/",
    summary="HMAC-SHA256 of the body, `Typeform-Signature: sha256=<base64>`",
    verify=Hmac(header="Typeform-Signature", prefix="sha256=", encoding="base64"),
    event_type=json_field("event_type"),
    delivery_id=json_field("event_id"),
    timeout=10,
)
