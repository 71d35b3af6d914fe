"""Microsoft Graph change notifications: the `clientState` of every notification in the batch
is the shared secret (no signature); the `validationToken` echo; 202 once queued."""

from __future__ import annotations

from typing import Any

from shared.crypto import equal
from shared.delivery import Delivery
from shared.errors import BadRequest, Unauthorized
from shared.provider import Answer, Handshake, Provider, Read, Retries
from shared.schemes import text_bytes
from shared.secrets import Secrets


def validation(parameter: str = "validationToken") -> Handshake:
    """POST `?<parameter>=`: the decoded token, 200 text/plain, before anything else (SharePoint's
    list webhooks spell the parameter `validationtoken`)."""

    def answer(delivery: Delivery) -> Answer | None:
        token = delivery.query.get(parameter)
        if delivery.method != "POST" or token is None:
            return None
        return Answer(
            body=token.encode("utf-8"), content_type="text/plain", headers={"X-Content-Type-Options": "nosniff"}
        )

    answer.__doc__ = f"POST `?{parameter}=`: the token echoed, 200 text/plain"
    return answer


def _notifications(delivery: Delivery) -> list[Any]:
    document = delivery.json()
    value = document.get("value") if isinstance(document, dict) else None
    if not isinstance(value, list) or not value:
        raise BadRequest("bad_notifications")
    return value


def verify(delivery: Delivery, secrets: Secrets) -> None:
    """Every notification must carry one of the secrets as `clientState`."""
    for item in _notifications(delivery):
        claimed = item.get("clientState") if isinstance(item, dict) else None
        if not isinstance(claimed, str):
            raise Unauthorized("missing_client_state")
        if not any(equal(s.value, text_bytes(claimed)) for s in secrets):
            raise Unauthorized("bad_client_state")


def first(key: str) -> Read:
    """Read a field of the batch's first notification."""

    def read(delivery: Delivery) -> str | None:
        value = _notifications(delivery)[0].get(key)
        return value if isinstance(value, str) else None

    read.__doc__ = f"`{key}` of the first notification"
    return read


def event_type(delivery: Delivery) -> str | None:
    """first notification's `changeType`, or `lifecycleEvent` for lifecycle notifications."""
    return first("changeType")(delivery) or first("lifecycleEvent")(delivery)


def subscription(delivery: Delivery) -> str | None:
    """The subscription of the first notification (a batch may mix several)."""
    return first("subscriptionId")(delivery)


PROVIDER = Provider(
    id="msgraph",
    docs="https://learn.microsoft.com/graph/change-notifications-delivery-webhooks",
    summary="`clientState` of every notification equals the secret (no signature)",
    verify=verify,
    event_type=event_type,
    source=subscription,
    challenge=validation(),
    attributes={"tenant_id": first("tenantId")},
    # 202 once queued: Graph counts anything slower than 3 s as slow and throttles
    # endpoints that often take over 10 s.
    ack=Answer(status=202),
    timeout=3,
    retries=Retries(
        retries=True,
        on="non-2xx within 3 s, or no answer within 3 s (older docs: 10 s)",
        schedule="exponential backoff, retried for up to 4 h",
        disables="throttling: >15% answers >10 s in 10 min => new notifications dropped up to 10 min",
        source="https://learn.microsoft.com/graph/change-notifications-delivery-webhooks",
    ),
)
