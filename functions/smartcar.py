"""Smartcar: hex HMAC-SHA256 of the body keyed with the Application Management Token, in SC-Signature;
the VERIFY challenge answered with the same HMAC of the challenge."""

from __future__ import annotations

import hashlib
import hmac
import json

from shared import secrets
from shared.crypto import equal
from shared.delivery import Delivery
from shared.errors import BadRequest, Unauthorized
from shared.provider import Answer, Provider, Retries, first, json_field
from shared.schemes import Hmac, decode


def _challenge(delivery: Delivery) -> str | None:
    document = delivery.json()
    if not isinstance(document, dict):
        return None
    if document.get("eventType") == "VERIFY":  # webhooks v4
        data = document.get("data")
    elif document.get("eventName") == "verify":  # webhooks v2
        data = document.get("payload")
    else:
        return None
    challenge = data.get("challenge") if isinstance(data, dict) else None
    if not isinstance(challenge, str):
        raise BadRequest("bad_challenge")
    return challenge


def verification(delivery: Delivery) -> Answer | None:
    """The VERIFY event, once signed: `{"challenge": hex HMAC-SHA256(AMT, challenge)}`.

    Answered only after SC-Signature verifies: an unauthenticated answer would be an HMAC
    oracle, and the same key signs every payload.
    """
    challenge = _challenge(delivery)
    if challenge is None:
        return None
    # Answer with the token that signed this request (any one verifies during a rotation).
    claimed = decode((delivery.header("SC-Signature") or "").strip(), "hex") or b""
    key = next(
        (
            s.value
            for s in secrets.load(delivery.provider)
            if equal(hmac.digest(s.value, delivery.body, "sha256"), claimed)
        ),
        None,
    )
    if key is None:
        raise Unauthorized("bad_signature")
    answer = hmac.new(key, challenge.encode("utf-8"), hashlib.sha256).hexdigest()
    return Answer(body=json.dumps({"challenge": answer}).encode(), content_type="application/json")


PROVIDER = Provider(
    id="smartcar",
    docs="https://smartcar.com/docs/integrations/webhooks/callback-verification",
    summary="HMAC-SHA256 of the body with the Application Management Token, `SC-Signature: <hex>`",
    verify=Hmac(header="SC-Signature"),
    handshake=verification,
    event_type=first(json_field("eventType"), json_field("eventName")),
    # Kept across redeliveries; meta.deliveryId changes with each attempt.
    delivery_id=json_field("eventId"),
    source=first(json_field("meta.webhookId"), json_field("webhookId")),
    # "If your endpoint fails to respond correctly within 15 seconds, Smartcar will not activate
    # the webhook"; no other deadline is documented.
    timeout=15,
    retries=Retries(
        retries=True,
        on="non-2xx (3xx too), >15 s, connection/DNS/TLS errors",
        schedule="3 retries, exponential: +25 s, +50 s, +100 s (~3 min); then dropped",
        disables="webhook stays active; payload dropped",
        source="https://smartcar.com/docs/api-reference/webhooks/delivery-behavior",
    ),
)
