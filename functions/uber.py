"""Uber (Eats, Direct, Business, Drivers): hex HMAC-SHA256 of the body in X-Uber-Signature."""

from __future__ import annotations

from shared.provider import Provider, Retries, header, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="uber",
    docs="https://developer.uber.com/docs/drivers/guides/webhooks",
    summary="HMAC-SHA256 of the body, `X-Uber-Signature: <hex>`; key: the app's client secret or signing key",
    # "a hexadecimal HMAC signature of the webhook HTTP request body, using the client secret
    # [or the webhook signing key] as a key and SHA256 as the hash function".
    verify=Hmac(header="X-Uber-Signature"),
    event_type=json_field("event_type"),
    delivery_id=json_field("event_id"),
    # `production` or `sandbox`.
    attributes={"environment": header("X-Environment")},
    retries=Retries(
        retries=True,
        on="cannot reach the URL (network or application error answer)",
        schedule="exponential, 30 s multiplier, up to 7 attempts over ~1 h",
        source="https://developer.uber.com/docs/businesses/receipts/references/api/webhooks/receipt-ready",
    ),
)
