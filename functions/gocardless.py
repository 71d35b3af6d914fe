"""GoCardless: hex HMAC-SHA256 of the raw body with the endpoint secret, in Webhook-Signature."""

from __future__ import annotations

from shared.provider import Provider, Retries, first_item, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="gocardless",
    docs="https://developer.gocardless.com/getting-started/staying-up-to-date-with-webhooks",
    summary="HMAC-SHA256 of the body with the endpoint secret, `Webhook-Signature: <hex>`",
    verify=Hmac(header="Webhook-Signature"),
    # A batch of up to 250 events; `<resource_type>` of the first (payments, mandates, ...).
    event_type=first_item("resource_type", within="events"),
    # The webhook's own id (gocardless_pro.webhooks.parse_with_meta reads it the same way).
    delivery_id=json_field("meta.webhook_id"),
    attributes={"action": first_item("action", within="events")},
    retries=Retries(
        retries=True,
        on="no 2xx within 10 s, auth failure, redirect (any failure)",
        schedule="up to 8 retries at increasing intervals (1 min, 2 min, 10 min, ...)",
        source="https://support.gocardless.com/hc/en-nz/articles/360000989989-Webhook-retries-failures",
    ),
)
