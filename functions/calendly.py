"""Calendly: HMAC-SHA256 of `t.body`, hex, `t=..,v1=..` in Calendly-Webhook-Signature; 3 minutes."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac, pairs

PROVIDER = Provider(
    id="calendly",
    docs="https://developer.calendly.com/api-docs/overview/webhooks/webhook-signatures",
    summary="HMAC-SHA256 of `t.body`, `Calendly-Webhook-Signature: t=..,v1=<hex>`; 180 s",
    verify=Hmac(
        header="Calendly-Webhook-Signature",
        claims=pairs(",", "v1", "t"),
        signed="{timestamp}.{body}",
        layout="t={timestamp},v1={signature}",
        # Calendly fixes no window; three minutes is the one its integrators use (Hookdeck's guide).
        tolerance=180,
    ),
    event_type=json_field("event"),
    # Calendly sends no delivery id, and `payload.uri` repeats across an invitee's events:
    # ce-id is a generated UUID.
    # Connect 10 s, read 15 s (developer.calendly.com/docs/webhook-timeouts).
    timeout=15,
    retries=Retries(
        retries=True,
        on="non-2xx (3xx/4xx/5xx) or timeout",
        schedule="exponential backoff for 24 h",
        disables="yes: subscription disabled after 24 h of failures; must be recreated",
        source="https://community.calendly.com/developer-faq-62/why-am-i-not-receiving-webhook-data-how-does-a-webhook-become-disabled-548",
    ),
)
