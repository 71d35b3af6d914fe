"""Microsoft Graph change notifications: the `clientState` of every notification in the batch
is the shared secret (no signature); the `validationToken` echo; 202 once queued."""

from __future__ import annotations

from typing import Any

from shared.crypto import equal
from shared.delivery import Delivery
from shared.errors import BadRequest, Unauthorized
from shared.provider import Answer, Provider
from shared.secrets import Secrets


def validation(delivery: Delivery) -> Answer | None:
    """POST `?validationToken=`: the decoded token, 200 text/plain, before anything else."""
    token = delivery.query.get("validationToken")
    if delivery.method != "POST" or token is None:
        return None
    return Answer(body=token.encode("utf-8"), content_type="text/plain", headers={"X-Content-Type-Options": "nosniff"})


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
        if not any(equal(s.value, claimed.encode("utf-8")) for s in secrets):
            raise Unauthorized("bad_client_state")


def _first(key: str) -> Any:
    def read(delivery: Delivery) -> str | None:
        value = _notifications(delivery)[0].get(key)
        return value if isinstance(value, str) else None

    return read


def event_type(delivery: Delivery) -> str | None:
    """first notification's `changeType`, or `lifecycleEvent` for lifecycle notifications."""
    return _first("changeType")(delivery) or _first("lifecycleEvent")(delivery)


def subscription(delivery: Delivery) -> str | None:
    """The subscription of the first notification (a batch may mix several)."""
    return _first("subscriptionId")(delivery)


PROVIDER = Provider(
    id="msgraph",
    docs="https://learn.microsoft.com/graph/change-notifications-delivery-webhooks",
    summary="`clientState` of every notification equals the secret (no signature)",
    verify=verify,
    event_type=event_type,
    source=subscription,
    challenge=validation,
    attributes={"tenant_id": _first("tenantId")},
    # 202 once queued: Graph counts anything slower than 3 s as slow and throttles
    # endpoints that often take over 10 s.
    ack=Answer(status=202),
    timeout=3,
)
