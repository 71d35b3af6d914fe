"""Twitch EventSub: HMAC-SHA256 of message id + timestamp + body, hex, `sha256=`; the challenge."""

from __future__ import annotations

from shared.delivery import Delivery
from shared.errors import BadRequest
from shared.provider import Answer, Provider, Retries, header, json_field
from shared.schemes import Hmac, text_bytes

MESSAGE_TYPE = "Twitch-Eventsub-Message-Type"


def callback_verification(delivery: Delivery) -> Answer | None:
    """Answer `webhook_callback_verification` with the raw challenge, as text/plain."""
    if delivery.header(MESSAGE_TYPE) != "webhook_callback_verification":
        return None
    document = delivery.json()
    challenge = document.get("challenge") if isinstance(document, dict) else None
    if not isinstance(challenge, str):
        raise BadRequest("bad_challenge")
    return Answer(body=text_bytes(challenge))


def event_type(delivery: Delivery) -> str | None:
    """`Twitch-Eventsub-Subscription-Type` header; `revocation` for revocations."""
    if delivery.header(MESSAGE_TYPE) == "revocation":
        return "revocation"
    return delivery.header("Twitch-Eventsub-Subscription-Type")


PROVIDER = Provider(
    id="twitch",
    docs="https://dev.twitch.tv/docs/eventsub/handling-webhook-events/#verifying-the-event-message",
    summary="HMAC-SHA256 of `id+timestamp+body`, `Twitch-Eventsub-Message-Signature: sha256=<hex>`; 600 s",
    verify=Hmac(
        header="Twitch-Eventsub-Message-Signature",
        prefix="sha256=",
        signed="{id}{timestamp}{body}",
        id="Twitch-Eventsub-Message-Id",
        timestamp="Twitch-Eventsub-Message-Timestamp",
        timestamp_unit="rfc3339",
        # Twitch: "make sure the message isn't more than 10 minutes old".
        tolerance=600,
    ),
    event_type=event_type,
    # Kept on redelivery: the documented dedup key.
    delivery_id=header("Twitch-Eventsub-Message-Id"),
    source=json_field("subscription.id"),
    time=header("Twitch-Eventsub-Message-Timestamp"),
    retry=header("Twitch-Eventsub-Message-Retry"),
    handshake=callback_verification,
    attributes={
        "message_type": header(MESSAGE_TYPE),
        "subscription_version": header("Twitch-Eventsub-Subscription-Version"),
    },
    # "Respond within a few seconds"; no number is documented.
    timeout=3,
    retries=Retries(
        retries=True,
        on='no 2xx "within a few seconds" (at-least-once)',
        schedule="unknown schedule",
        disables="subscription revoked: notification_failures_exceeded",
        source="https://dev.twitch.tv/docs/eventsub/handling-webhook-events",
    ),
)
