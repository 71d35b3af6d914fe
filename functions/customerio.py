"""Customer.io reporting webhooks: hex HMAC-SHA256 of `v0:<X-CIO-Timestamp>:<body>` in X-CIO-Signature."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="customerio",
    docs="https://docs.customer.io/api/webhooks/",
    summary="HMAC-SHA256 of `v0:timestamp:body`, `X-CIO-Signature: <hex>`, `X-CIO-Timestamp`; 300 s",
    verify=Hmac(header="X-CIO-Signature", signed="v0:{timestamp}:{body}", timestamp="X-CIO-Timestamp"),
    # An event is an `object_type` (email, push, sms...) and a `metric` (sent, opened, clicked...).
    event_type=json_field("metric"),
    delivery_id=json_field("event_id"),
    # "We have a 4 second timeout for calls to your webhook endpoint."
    timeout=4,
    retries=Retries(
        retries=True,
        on="non-2xx or no answer in 4 s (some codes e.g. 400/401/404/429/500: first wait 1 h)",
        schedule="exponential backoff over 7 days; later events backlogged behind the failing one",
        disables="backlog holds later calls until success or 7 days",
        source="https://docs.customer.io/api/webhooks/",
    ),
)
