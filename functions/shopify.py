"""Shopify: HMAC-SHA256 of the raw body, base64, in X-Shopify-Hmac-Sha256."""

from __future__ import annotations

from shared.provider import Provider, Retries, header
from shared.schemes import Hmac

PROVIDER = Provider(
    id="shopify",
    docs="https://shopify.dev/docs/apps/build/webhooks/verify-deliveries",
    summary="HMAC-SHA256 of the body, `X-Shopify-Hmac-Sha256: <base64>`",
    verify=Hmac(header="X-Shopify-Hmac-Sha256", encoding="base64"),
    event_type=header("X-Shopify-Topic"),
    # Unique per delivery and kept on retries; X-Shopify-Event-Id is shared by every
    # delivery one merchant action causes (shopify.dev, delivery-structure).
    delivery_id=header("X-Shopify-Webhook-Id"),
    source=header("X-Shopify-Shop-Domain"),
    time=header("X-Shopify-Triggered-At"),
    attributes={"event_id": header("X-Shopify-Event-Id"), "api_version": header("X-Shopify-API-Version")},
    # 1 s to connect, 5 s in all.
    timeout=5,
    retries=Retries(
        retries=True,
        on="non-2xx (3xx too) or timeout (1 s connect, 5 s total)",
        schedule="8 retries over 4 h, exponential (since 2024-09-10), original payload",
        disables="Admin-API subscriptions deleted after repeated failures",
        source="https://shopify.dev/changelog/updates-to-webhook-retry-mechanism",
    ),
)
