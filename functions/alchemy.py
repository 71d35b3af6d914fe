"""Alchemy Notify: hex HMAC-SHA256 of the raw body with the webhook's signing key, in X-Alchemy-Signature."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="alchemy",
    docs="https://www.alchemy.com/docs/reference/notify-api-quickstart",
    summary="HMAC-SHA256 of the body with the webhook's signing key, `X-Alchemy-Signature: <hex>`",
    verify=Hmac(header="X-Alchemy-Signature"),
    # AlchemyWebhookEvent in alchemyplatform/webhook-examples: webhookId, id, createdAt, type, event.
    event_type=json_field("type"),
    delivery_id=json_field("id"),
    source=json_field("webhookId"),
    retries=Retries(
        retries=True,
        on="non-200 or unreachable/timeout",
        schedule="unknown (docs cite a Webhook Retry Logic page, not read)",
        source="https://alchemy-web.vercel.app/support/why-am-i-getting-5xx-errors-repeatedly-when-setting-up-a-webhook",
    ),
)
