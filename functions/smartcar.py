"""Smartcar: hex HMAC-SHA256 of the body keyed with the Application Management Token, in SC-Signature;
the VERIFY challenge answered with the same HMAC of the challenge (unsigned only for a random string)."""

from __future__ import annotations

import hashlib
import hmac
import json
import re

from shared import secrets
from shared.crypto import equal
from shared.delivery import Delivery
from shared.errors import BadRequest, Unauthorized
from shared.provider import Answer, Provider, Retries, first, json_field
from shared.schemes import Hmac, decode, text_bytes

# The alphabet of random strings (hex, base64, base64url, UUIDs): such a challenge is never the
# text of a JSON object, the only body published here, so its HMAC signs no delivery.
RANDOM_STRING = re.compile(r"[A-Za-z0-9+/=_.~-]{1,512}")


def _challenge(delivery: Delivery) -> str | None:
    """The VERIFY event's challenge (webhooks v4 `data`, v2 `payload`); None for any other event."""
    document = delivery.json()
    if not isinstance(document, dict):
        # Smartcar sends JSON objects only: refusing anything else is what keeps a challenge's
        # answer (a random string's HMAC) from ever signing a delivery.
        raise BadRequest("bad_json")
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


def _answer(challenge: str, key: bytes) -> Answer:
    answer = hmac.new(key, text_bytes(challenge), hashlib.sha256).hexdigest()
    return Answer(body=json.dumps({"challenge": answer}).encode(), content_type="application/json")


def _signer(delivery: Delivery) -> bytes | None:
    """The token whose HMAC of the body is SC-Signature (any one verifies during a rotation)."""
    claimed = decode((delivery.header("SC-Signature") or "").strip(), "hex") or b""
    return next(
        (
            s.value
            for s in secrets.load(delivery.provider)
            if equal(hmac.digest(s.value, delivery.body, "sha256"), claimed)
        ),
        None,
    )


def random_challenge(delivery: Delivery) -> Answer | None:
    """A VERIFY event whose challenge is a random string, answered signed or not.

    Smartcar's docs and SDK never say that VERIFY carries SC-Signature. Its answer is the HMAC of
    the challenge with the token that signs deliveries, so it is given unsigned only for a
    challenge that cannot be a delivery: a random string (deliveries are JSON objects). Keyed
    with the token that signed it, else the first configured one.
    """
    if delivery.method != "POST":
        return None
    try:
        challenge = _challenge(delivery)
    except BadRequest:
        return None  # verified first, then refused: an unsigned caller learns nothing from a 400
    if challenge is None or not RANDOM_STRING.fullmatch(challenge):
        return None
    return _answer(challenge, _signer(delivery) or secrets.load(delivery.provider)[0].value)


def verification(delivery: Delivery) -> Answer | None:
    """A signed VERIFY event with any other challenge: `{"challenge": hex HMAC-SHA256(AMT, challenge)}`;
    a body that is not a JSON object is a 400 (never published)."""
    challenge = _challenge(delivery)
    if challenge is None:
        return None
    key = _signer(delivery)
    if key is None:
        raise Unauthorized("bad_signature")
    return _answer(challenge, key)


PROVIDER = Provider(
    id="smartcar",
    docs="https://smartcar.com/docs/integrations/webhooks/callback-verification",
    summary="HMAC-SHA256 of the body with the Application Management Token, `SC-Signature: <hex>`",
    verify=Hmac(header="SC-Signature"),
    challenge=random_challenge,
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
