"""Xero: base64 HMAC-SHA256 of the raw body in x-xero-signature; the signed intent-to-receive."""

from __future__ import annotations

from shared.delivery import Delivery
from shared.provider import Answer, Provider, Retries
from shared.schemes import Hmac


def intent_to_receive(delivery: Delivery) -> Answer | None:
    """A verified payload with no events (intent to receive): 200 with no body, never published."""
    # Xero validates the URL with payloads whose `events` is empty, some correctly signed
    # (expecting 200) and some not (expecting 401, which verification already answered).
    document = delivery.json()
    if isinstance(document, dict) and document.get("events") == []:
        return Answer()
    return None


def event_type(delivery: Delivery) -> str | None:
    """`eventCategory.eventType` of the body's first event (`INVOICE.UPDATE`)."""
    document = delivery.json()
    events = document.get("events") if isinstance(document, dict) else None
    event = events[0] if isinstance(events, list) and events and isinstance(events[0], dict) else {}
    category, kind = event.get("eventCategory"), event.get("eventType")
    return f"{category}.{kind}" if isinstance(category, str) and isinstance(kind, str) else None


PROVIDER = Provider(
    id="xero",
    docs="https://developer.xero.com/documentation/webhooks/configuring-your-server",
    summary="HMAC-SHA256 of the body with the webhook key, `x-xero-signature: <base64>`",
    verify=Hmac(header="x-xero-signature", encoding="base64"),
    event_type=event_type,
    handshake=intent_to_receive,
    # "It responds within 5 seconds with a 200 O.K status code"; no body, no cookies.
    timeout=5,
    retries=Retries(
        retries=True,
        on="not 200 (no body) within 5 s",
        schedule="retried with decreasing frequency for up to 24 h",
        disables="webhook disabled after 24 h of failures; must be re-enabled",
        source="https://developer.xero.com/documentation/webhooks/configuring-your-server",
    ),
)
