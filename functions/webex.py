"""Webex: hex HMAC-SHA1 of the raw body with the webhook's secret, in X-Spark-Signature."""

from __future__ import annotations

from shared.delivery import Delivery
from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac


def event_type(delivery: Delivery) -> str | None:
    """body `resource.event` (`messages.created`)."""
    document = delivery.json()
    if not isinstance(document, dict):
        return None
    resource, event = document.get("resource"), document.get("event")
    return f"{resource}.{event}" if isinstance(resource, str) and isinstance(event, str) else None


PROVIDER = Provider(
    id="webex",
    docs="https://developer.webex.com/blog/using-a-webhook-secret",
    summary="HMAC-SHA1 of the body with the webhook secret, `X-Spark-Signature: <hex>`",
    verify=Hmac(header="X-Spark-Signature", algorithm="sha1"),
    event_type=event_type,
    # The webhook (registration) that fired; Webex sends no delivery id.
    source=json_field("id"),
    attributes={"data_id": json_field("data.id")},
    retries=Retries(
        retries=None,
        schedule="unknown (docs read are silent)",
        source="https://developer.webex.com/docs/api/guides/webhooks",
    ),
)
