"""Pub/Sub push subscriptions: a Google-signed OIDC token; publishes the pushed message's data."""

from __future__ import annotations

import base64
import binascii

from shared.delivery import Delivery
from shared.errors import BadRequest
from shared.google_token import GoogleToken
from shared.provider import Payload, Provider, Retries, first, json_field


def unwrap(delivery: Delivery) -> Payload:
    """The inner message's data (base64 in the envelope) and its attributes."""
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
    return raw, {"content-type": "application/octet-stream", **attributes}


PROVIDER = Provider(
    id="pubsub_push",
    docs="https://cloud.google.com/pubsub/docs/authenticate-push-subscriptions",
    summary="Google-signed OIDC token, `Authorization: Bearer`; aud, iss, email; publishes the inner data",
    secret="SERVICE_ACCOUNTS",
    verify=GoogleToken(),
    delivery_id=first(json_field("message.messageId"), json_field("message.message_id")),
    source=json_field("subscription"),
    time=json_field("message.publishTime"),
    # Present when the subscription has a dead-letter policy.
    retry=json_field("deliveryAttempt"),
    payload=unwrap,
    # The push ack deadline defaults to 10 s.
    timeout=10,
    variables=("PUBSUB_PUSH_AUDIENCE", "PUBSUB_PUSH_CERTS_URL"),
    retries=Retries(
        retries=True,
        on="any answer but 102/200/201/202/204, or deadline exceeded",
        schedule="retried later with push backoff until acked, retention ends or dead-letter limit",
        source="https://cloud.google.com/pubsub/docs/push-troubleshooting",
    ),
)
