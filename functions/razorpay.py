"""Razorpay: hex HMAC-SHA256 of the raw body with the webhook secret, in X-Razorpay-Signature."""

from __future__ import annotations

from shared.provider import Provider, Retries, header, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="razorpay",
    docs="https://razorpay.com/docs/webhooks/validate-test/",
    summary="HMAC-SHA256 of the body with the webhook secret, `X-Razorpay-Signature: <hex>`",
    verify=Hmac(header="X-Razorpay-Signature"),
    event_type=json_field("event"),
    delivery_id=header("x-razorpay-event-id"),
    source=json_field("account_id"),
    # "All webhook responses must return a status code in the range 2XX within a window of 5 seconds."
    timeout=5,
    retries=Retries(
        retries=True,
        on="non-2xx",
        schedule="exponential backoff for 24 h after event creation",
        disables="webhook disabled after 24 h of failures; alert email sent",
        source="https://razorpay.com/docs/webhooks/best-practices",
    ),
)
