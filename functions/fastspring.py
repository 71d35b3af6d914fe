"""FastSpring: base64 HMAC-SHA256 of the raw body with the webhook's HMAC secret, in X-FS-Signature."""

from __future__ import annotations

from shared.provider import Provider, Retries, first_item
from shared.schemes import Hmac

PROVIDER = Provider(
    id="fastspring",
    docs="https://developer.fastspring.com/docs/message-security",
    summary="HMAC-SHA256 of the body, `X-FS-Signature: <base64>`",
    verify=Hmac(header="X-FS-Signature", encoding="base64"),
    # A POST carries a batch (`events`); each event has its own `id`, so the message gets a UUID.
    event_type=first_item("type", within="events"),
    retries=Retries(
        retries=True,
        on="any status other than 200/202",
        schedule="1 h,2 h,4 h,6 h x3, then daily; max 12 retries in 7 days (older docs: every 10 min for 24 h)",
        disables="events stay fetchable from /events",
        source="https://developer.fastspring.com/reference/processed-and-unprocessed-webhook-events",
    ),
)
