"""Tally: HMAC-SHA256 of the raw body, base64, in Tally-Signature."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="tally",
    docs="https://tally.so/help/webhooks",
    summary="HMAC-SHA256 of the body, `Tally-Signature: <base64>`",
    # Tally's page says "a SHA256 cryptographic hash of the webhook payload" keyed by the signing
    # secret; its Express example digests to base64. No timestamp.
    verify=Hmac(header="Tally-Signature", encoding="base64"),
    event_type=json_field("eventType"),
    delivery_id=json_field("eventId"),
    time=json_field("createdAt"),
    # "Returns a successful status code (2XX) within 10 seconds".
    timeout=10,
    retries=Retries(
        retries=None,
        on='unknown (page has a "Request failure and retries" section not readable here; 10 s timeout)',
        source="https://tally.so/help/webhooks",
    ),
)
