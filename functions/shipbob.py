"""ShipBob: Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`), the topic
in `x-webhook-topic`."""

from __future__ import annotations

from functions.standard_webhooks import preset
from shared.provider import Retries, header

# Subscriptions made through the dated API (2025-07 and later) are signed; legacy v1.0/v2.0
# subscriptions (`shipbob-topic`, no signature) are not accepted.
PROVIDER = preset(
    "shipbob",
    docs="https://developer.shipbob.com/webhooks",
    event_type=header("x-webhook-topic"),
    retries=Retries(
        retries=True,
        on="non-2xx (3xx too) or no answer within 15 s",
        schedule="now, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (exponential, up to ~24 h)",
        disables="endpoint disabled if all attempts fail for 5 days; email on failed message",
        source="https://developer.shipbob.com/v1.0/webhooks",
    ),
)
