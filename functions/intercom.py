"""Intercom: HMAC-SHA1 of the raw body with the app's client secret, hex, `sha1=` in X-Hub-Signature."""

from __future__ import annotations

from shared.delivery import Delivery
from shared.provider import EMPTY_200, Answer, Provider, json_field
from shared.schemes import Hmac


def ping(delivery: Delivery) -> Answer | None:
    """The signed `ping` topic sent from the Developer Hub: acknowledged, not published."""
    return EMPTY_200 if json_field("topic")(delivery) == "ping" else None


PROVIDER = Provider(
    id="intercom",
    docs="https://developers.intercom.com/docs/references/webhooks/webhook-models",
    summary="HMAC-SHA1 of the body with the client secret, `X-Hub-Signature: sha1=<hex>`",
    verify=Hmac(header="X-Hub-Signature", algorithm="sha1", prefix="sha1="),
    event_type=json_field("topic"),
    delivery_id=json_field("id"),
    # One app receives the notifications of every workspace that installed it.
    source=json_field("app_id"),
    handshake=ping,
    # Intercom waits 5 s, then retries once after a minute.
    timeout=5,
)
