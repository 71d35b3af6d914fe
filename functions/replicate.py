"""Replicate: Standard Webhooks in `webhook-id`, `webhook-timestamp` and `webhook-signature`."""

from __future__ import annotations

from functions.standard_webhooks import preset
from shared.provider import Retries, json_field

# The body is the prediction itself: its `status` (starting, processing, succeeded, failed,
# canceled) says which moment of the prediction this delivery reports.
PROVIDER = preset(
    "replicate",
    docs="https://replicate.com/docs/topics/webhooks/verify-webhook",
    timeout=10,
    event_type=json_field("status"),
    retries=Retries(
        retries=True,
        on="final (completed) webhook only: 4xx, 5xx or no connection; intermediate events never",
        schedule="exponential, several retries, last ~1 min after prediction completes",
        source="https://replicate.com/docs/topics/webhooks/receive-webhook",
    ),
)
