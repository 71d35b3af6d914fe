"""Cursor Cloud Agents: hex HMAC-SHA256 of the raw body, `X-Webhook-Signature: sha256=<hex>`."""

from __future__ import annotations

from shared.provider import Provider, Retries, header, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="cursor",
    docs="https://cursor.com/docs/cloud-agent/api/webhooks",
    summary="HMAC-SHA256 of the body, `X-Webhook-Signature: sha256=<hex>`",
    verify=Hmac(header="X-Webhook-Signature", prefix="sha256="),
    event_type=header("X-Webhook-Event"),
    delivery_id=header("X-Webhook-ID"),
    # The agent whose status changed.
    source=json_field("id"),
    retries=Retries(
        retries=True,
        on='error status codes (docs: "may be retried")',
        source="https://docs.cursor.com/en/background-agent/api/webhooks",
    ),
)
