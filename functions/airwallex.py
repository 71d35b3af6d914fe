"""Airwallex: hex HMAC-SHA256 of `x-timestamp` (ms) + body in `x-signature`, keyed with the webhook's secret."""

from __future__ import annotations

from shared.provider import Provider, Retries, first, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="airwallex",
    docs="https://www.airwallex.com/docs/developer-tools/webhooks/listen-for-webhook-events",
    summary="HMAC-SHA256 of `x-timestamp + body`, `x-signature: <hex>`; x-timestamp in ms; 300 s",
    verify=Hmac(
        header="x-signature",
        timestamp="x-timestamp",
        signed="{timestamp}{body}",
        # "x-timestamp: A Unix timestamp in milliseconds, for example, 1357872222592" (Airwallex,
        # Listen for webhook events, Delivery headers). Airwallex names no window, and its own
        # plugins (WooCommerce, Magento) check only the signature: the contract's default 5 minutes.
        timestamp_unit="ms",
        tolerance=300,
    ),
    event_type=json_field("name"),
    # "Each event has a stable id so you can safely handle retries" (webhooks overview).
    delivery_id=json_field("id"),
    # Account-level events carry `account_id` (`accountId` in older payloads); organisation-level ones `org_id`.
    source=first(json_field("account_id"), json_field("accountId"), json_field("org_id")),
    # Airwallex documents no response deadline: 10 s is a guess.
    timeout=10,
    retries=Retries(
        retries=True,
        on="non-200 or timeout",
        schedule="exponential backoff over about 3 days",
        source="https://www.airwallex.com/docs/developer-tools/webhooks/webhooks-overview",
    ),
)
