"""Coinbase Commerce: hex HMAC-SHA256 of the raw body with the shared secret, X-CC-Webhook-Signature."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="coinbase",
    docs="https://docs.cdp.coinbase.com/commerce/api-arcitecture/webhooks-security",
    summary="HMAC-SHA256 of the body with the shared secret, `X-CC-Webhook-Signature: <hex>`",
    verify=Hmac(header="X-CC-Webhook-Signature"),
    event_type=json_field("event.type"),
    # The delivery's id; the event's own id is an attribute.
    delivery_id=json_field("id"),
    time=json_field("event.created_at"),
    attributes={"event_id": json_field("event.id")},
    retries=Retries(
        retries=True,
        on="no 200 acknowledgement",
        schedule="exponential backoff up to 3 days, max interval 1 h",
        source="https://docs.cloud.coinbase.com/commerce-onchain/docs/webhooks",
    ),
)
