"""ShipBob: Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`), the topic
in `x-webhook-topic`."""

from __future__ import annotations

from functions.standard_webhooks import preset
from shared.provider import header

# Subscriptions made through the dated API (2025-07 and later) are signed; legacy v1.0/v2.0
# subscriptions (`shipbob-topic`, no signature) are not accepted.
PROVIDER = preset(
    "shipbob",
    docs="https://developer.shipbob.com/webhooks",
    event_type=header("x-webhook-topic"),
)
