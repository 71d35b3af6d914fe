"""Pub/Sub push envelopes: the wrapped message's data, attributes and ids, checked at the boundary.

https://cloud.google.com/pubsub/docs/push#receive_push: `{"message": {"data", "attributes",
"messageId", "publishTime"}, "subscription", "deliveryAttempt"}`. Used by `pubsub_push`
(republishes the message) and `consume` (runs handlers on it).
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any

from shared.delivery import Delivery
from shared.errors import BadRequest

# Pub/Sub's own limits on a message: what it never pushes (https://cloud.google.com/pubsub/quotas#resource_limits).
MAX_ATTRIBUTES = 100
MAX_KEY_BYTES = 256
MAX_VALUE_BYTES = 1024


def _parts(delivery: Delivery) -> tuple[dict[str, Any], bytes, dict[str, str]]:
    document = delivery.json()
    message = document.get("message") if isinstance(document, dict) else None
    if not isinstance(message, dict):
        raise BadRequest("bad_envelope")
    data = message.get("data") or ""
    attributes = message.get("attributes") or {}
    if not isinstance(data, str) or not isinstance(attributes, dict):
        raise BadRequest("bad_envelope")
    if not all(isinstance(key, str) and isinstance(value, str) for key, value in attributes.items()):
        raise BadRequest("bad_envelope")
    try:
        raw = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        raise BadRequest("bad_envelope") from None
    return message, raw, attributes


def unwrap(delivery: Delivery) -> tuple[bytes, dict[str, str]]:
    """The inner message's data (base64 in the envelope) and its attributes."""
    _, raw, attributes = _parts(delivery)
    return raw, {"content-type": "application/octet-stream", **attributes}


@dataclass(frozen=True, slots=True, kw_only=True)
class Pushed:
    """One pushed message, as Pub/Sub sent it."""

    data: bytes
    attributes: dict[str, str]
    message_id: str
    subscription: str
    publish_time: str | None
    attempt: int | None  # present when the subscription has a dead-letter policy


def pushed(delivery: Delivery) -> Pushed:
    """The message of a well-formed push; anything Pub/Sub would never send is a 400."""
    message, raw, attributes = _parts(delivery)
    document = delivery.json()
    message_id = message.get("messageId") or message.get("message_id")
    if not isinstance(message_id, str) or not message_id or len(message_id) > MAX_VALUE_BYTES:
        raise BadRequest("bad_envelope")
    if not raw and not attributes:
        # Pub/Sub refuses to publish a message with neither data nor attributes.
        raise BadRequest("empty_message")
    if len(attributes) > MAX_ATTRIBUTES or any(
        not key
        or len(key.encode("utf-8", "replace")) > MAX_KEY_BYTES
        or len(value.encode("utf-8", "replace")) > MAX_VALUE_BYTES
        for key, value in attributes.items()
    ):
        raise BadRequest("bad_attributes")
    subscription = document.get("subscription")
    publish_time = message.get("publishTime") or message.get("publish_time")
    attempt = document.get("deliveryAttempt")
    return Pushed(
        data=raw,
        attributes=attributes,
        message_id=message_id,
        subscription=subscription if isinstance(subscription, str) else "",
        publish_time=publish_time if isinstance(publish_time, str) else None,
        attempt=attempt if isinstance(attempt, int) and not isinstance(attempt, bool) else None,
    )
