"""Mailgun: HMAC-SHA256 of `timestamp + token`, hex, all three in the body's `signature` object.

Subaccount events also carry `parent-signature`, made with the primary account's key:
either verifies, so one primary key can serve every subaccount.
"""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import BodyFields

PROVIDER = Provider(
    id="mailgun",
    docs="https://documentation.mailgun.com/docs/mailgun/user-manual/webhooks/securing-webhooks",
    summary="HMAC-SHA256 of body `signature.timestamp + signature.token`, hex in `signature.signature`; 900 s",
    # 900 s is the official SDK's default (mailgun `SecurityGuard.verify_webhook`).
    verify=BodyFields(alternatives=("parent-signature",), tolerance=900),
    event_type=json_field("event-data.event"),
    delivery_id=json_field("event-data.id"),
    timeout=10,
    retries=Retries(
        retries=True,
        on="any code but 200 and 406 (406 = rejected, no retry)",
        schedule="8 h at 5 min, 10 min, 15 min, 1 h, 2 h, 4 h (docs exclude delivery notifications)",
        source="https://documentation.mailgun.com/docs/mailgun/user-manual/webhooks/webhook-retries",
    ),
)
