"""Intercom: HMAC-SHA1 of the raw body with the app's client secret, hex, `sha1=` in X-Hub-Signature."""

from __future__ import annotations

from shared.delivery import Delivery
from shared.provider import EMPTY_200, Answer, Provider, Retries, json_field
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
    retries=Retries(
        retries=True,
        on="errors/timeouts (429: throttled, delay 1 min..2 h, then dropped)",
        schedule="one retry after 1 min (per shared/providers.md; not on the page read)",
        disables="paused 15 min after 1000 errors in 15 min; suspended after 7 days of errors (private apps)",
        source="https://developers.intercom.com/docs/webhooks/webhook-notifications",
    ),
)
