"""Square: HMAC-SHA256 of notification URL + body, base64, in x-square-hmacsha256-signature."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="square",
    docs="https://developer.squareup.com/docs/webhooks/step3validate",
    summary="HMAC-SHA256 of `url + body`, `x-square-hmacsha256-signature: <b64>`",
    # The URL exactly as registered in the subscription: set SQUARE_PUBLIC_URL behind a proxy.
    verify=Hmac(header="x-square-hmacsha256-signature", encoding="base64", signed="{url}{body}"),
    event_type=json_field("type"),
    delivery_id=json_field("event_id"),
    source=json_field("merchant_id"),
    timeout=10,
    variables=("SQUARE_PUBLIC_URL",),
    retries=Retries(
        retries=True,
        on="non-2xx (3xx too) or no answer within 10 s",
        schedule="1, 2, 4, 8, 16, 32 min, then hourly; up to 72 h after the event (78 retries)",
        source="https://developer.squareup.com/docs/webhooks-api/delivery-sla",
    ),
)
