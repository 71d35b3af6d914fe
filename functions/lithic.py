"""Lithic: Standard Webhooks in `webhook-*` headers (lithic-go verifies with the standardwebhooks library)."""

from __future__ import annotations

from functions.standard_webhooks import preset
from shared.provider import Retries, json_field

PROVIDER = preset(
    "lithic",
    docs="https://docs.lithic.com/docs/events-api",
    timeout=10,
    event_type=json_field("event_type"),
    retries=Retries(
        retries=None,
        on="unknown (docs offer message attempts and replay)",
        disables="unknown (subscriptions have a disabled flag)",
        source="https://docs.lithic.com/docs/events-api",
    ),
)
