"""Jira (Atlassian admin webhooks with a secret): HMAC-SHA256 of the body, `sha256=<hex>` in X-Hub-Signature."""

from __future__ import annotations

from shared.provider import Provider, Retries, header, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="jira",
    docs="https://developer.atlassian.com/cloud/jira/platform/webhooks/#secure-admin-webhooks",
    summary="HMAC-SHA256 of the body, `X-Hub-Signature: sha256=<hex>` (admin webhooks with a secret)",
    verify=Hmac(header="X-Hub-Signature", prefix="sha256="),
    event_type=json_field("webhookEvent"),
    # Unique per delivery within the site and unchanged across retries.
    delivery_id=header("X-Atlassian-Webhook-Identifier"),
    retry=header("X-Atlassian-Webhook-Retry"),
    timeout=10,
    retries=Retries(
        retries=True,
        on="408, 409, 425, 429, 5xx, connection failure or timeout",
        schedule="retried, delivery delayed up to ~30 min; X-Atlassian-Webhook-Retry carries the count",
        source="https://community.developer.atlassian.com/t/new-jira-cloud-webhook-retry-policy/30554",
    ),
)
