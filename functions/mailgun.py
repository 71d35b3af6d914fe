"""Mailgun: HMAC-SHA256 of `timestamp + token`, hex, all three in the body's `signature` object."""

from __future__ import annotations

from shared.provider import Provider, json_field
from shared.schemes import BodyFields

PROVIDER = Provider(
    id="mailgun",
    docs="https://documentation.mailgun.com/docs/mailgun/user-manual/webhooks/securing-webhooks",
    summary="HMAC-SHA256 of body `signature.timestamp + signature.token`, hex in `signature.signature`; 900 s",
    # 900 s is the official SDK's default (mailgun `SecurityGuard.verify_webhook`).
    verify=BodyFields(tolerance=900),
    event_type=json_field("event-data.event"),
    delivery_id=json_field("event-data.id"),
    timeout=10,
)
