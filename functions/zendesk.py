"""Zendesk: base64 HMAC-SHA256 of timestamp + body, X-Zendesk-Webhook-Signature; RFC 3339 timestamp."""

from __future__ import annotations

from shared.delivery import Delivery
from shared.errors import BadRequest
from shared.provider import Provider, Retries, header
from shared.schemes import Hmac


def event_type(delivery: Delivery) -> str | None:
    """body `type` of event subscriptions (`zen:event-type:ticket.created`); trigger bodies have none."""
    # Trigger and automation webhooks send whatever body (JSON, XML, form) their
    # template defines, so a body that is not JSON is no error here.
    try:
        document = delivery.json()
    except BadRequest:
        return None
    value = document.get("type") if isinstance(document, dict) else None
    return value if isinstance(value, str) else None


PROVIDER = Provider(
    id="zendesk",
    docs="https://developer.zendesk.com/documentation/webhooks/verifying/",
    summary="HMAC-SHA256 of `timestamp + body`, `X-Zendesk-Webhook-Signature: <base64>`; 300 s",
    verify=Hmac(
        header="X-Zendesk-Webhook-Signature",
        encoding="base64",
        signed="{timestamp}{body}",
        timestamp="X-Zendesk-Webhook-Signature-Timestamp",
        # `2021-03-25T05:09:27Z` (anatomy-of-a-webhook-request); Zendesk names no window.
        timestamp_unit="rfc3339",
    ),
    event_type=event_type,
    delivery_id=header("X-Zendesk-Webhook-Invocation-Id"),
    source=header("X-Zendesk-Webhook-Id"),
    attributes={"account_id": header("X-Zendesk-Account-Id")},
    retries=Retries(
        retries=True,
        on="only certain response codes (list on the page, not read in full)",
        disables="circuit breaker pauses sends if 70% fail in 5 min or >1000 errors (3rd-party summary)",
        source="https://developer.zendesk.com/api-reference/webhooks/introduction",
    ),
)
