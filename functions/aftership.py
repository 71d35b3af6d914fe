"""AfterShip Tracking: base64 HMAC-SHA256 of the raw body with the webhook secret, in aftership-hmac-sha256."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="aftership",
    docs="https://www.aftership.com/docs/tracking/webhook/webhook-signature",
    summary="HMAC-SHA256 of the body with the webhook secret, `aftership-hmac-sha256: <b64>`",
    verify=Hmac(header="aftership-hmac-sha256", encoding="base64"),
    # Body `event` (tracking_update, edd_revise, ...) and `event_id`, a UUID per webhook event.
    event_type=json_field("event"),
    delivery_id=json_field("event_id"),
    retries=Retries(
        retries=True,
        on="non-2xx (timeout not stated)",
        schedule="up to 14 attempts, exponential 2^n x 30 s",
        source="https://www.aftership.com/docs/tracking/webhook/webhook-overview",
    ),
)
