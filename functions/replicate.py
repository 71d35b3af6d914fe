"""Replicate: Standard Webhooks in `webhook-id`, `webhook-timestamp` and `webhook-signature`."""

from __future__ import annotations

from functions.standard_webhooks import preset
from shared.provider import json_field

# The body is the prediction itself: its `status` (starting, processing, succeeded, failed,
# canceled) says which moment of the prediction this delivery reports.
PROVIDER = preset(
    "replicate",
    docs="https://replicate.com/docs/topics/webhooks/verify-webhook",
    timeout=10,
    event_type=json_field("status"),
)
