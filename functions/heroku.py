"""Heroku app webhooks: base64 HMAC-SHA256 of the raw body in Heroku-Webhook-Hmac-SHA256."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="heroku",
    docs="https://devcenter.heroku.com/articles/app-webhooks",
    summary="HMAC-SHA256 of the body, `Heroku-Webhook-Hmac-SHA256: <base64>`",
    verify=Hmac(header="Heroku-Webhook-Hmac-SHA256", encoding="base64"),
    event_type=json_field("webhook_metadata.event.include"),
    # Kept across attempts; webhook_metadata.attempt.id changes with each one.
    delivery_id=json_field("webhook_metadata.delivery.id"),
    source=json_field("webhook_metadata.webhook.id"),
    time=json_field("created_at"),
    attributes={"action": json_field("action"), "resource": json_field("resource")},
    retries=Retries(
        retries=True,
        on="level=sync only: failures retried; level=notify: single attempt, no retry",
        schedule="sync: up to 72 h from event creation; after 72 h failing, 1 try per event",
        disables="deliveries marked skipped",
        source="https://devcenter.heroku.com/articles/app-webhooks-schema",
    ),
)
