"""Discord interactions: Ed25519 over X-Signature-Timestamp + body with the application's
public key; PING answered with PONG, other interactions published and deferred."""

from __future__ import annotations

from shared.delivery import Delivery
from shared.errors import BadRequest
from shared.provider import Answer, Provider, Retries, json_field
from shared.schemes import Ed25519

# discord-api-docs, receiving-and-responding: interaction types and callback types.
TYPES = {
    1: "ping",
    2: "application_command",
    3: "message_component",
    4: "application_command_autocomplete",
    5: "modal_submit",
}
PONG = Answer(body=b'{"type":1}', content_type="application/json")
# 5 DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE: "loading...", the worker edits it later with the token.
DEFERRED_MESSAGE = Answer(body=b'{"type":5}', content_type="application/json")
# 6 DEFERRED_UPDATE_MESSAGE: components only; the user sees no loading state.
DEFERRED_UPDATE = Answer(body=b'{"type":6}', content_type="application/json")
# Autocomplete cannot be deferred: an empty choice list is the only answer that needs no work.
NO_CHOICES = Answer(body=b'{"type":8,"data":{"choices":[]}}', content_type="application/json")


def _type(delivery: Delivery) -> int:
    document = delivery.json()
    kind = document.get("type") if isinstance(document, dict) else None
    if not isinstance(kind, int) or isinstance(kind, bool):
        raise BadRequest("bad_interaction")
    return kind


def ping(delivery: Delivery) -> Answer | None:
    """PING (type 1) answered with PONG `{"type":1}`, after the signature check."""
    return PONG if _type(delivery) == 1 else None


def ack(delivery: Delivery) -> Answer:
    """A deferred response: type 6 for components, 8 with no choices for autocomplete, else 5."""
    kind = _type(delivery)
    if kind == 3:
        return DEFERRED_UPDATE
    if kind == 4:
        return NO_CHOICES
    return DEFERRED_MESSAGE


def event_type(delivery: Delivery) -> str | None:
    """body `type` by name (`application_command`, `message_component`, ...)."""
    kind = _type(delivery)
    return TYPES.get(kind, str(kind))


PROVIDER = Provider(
    id="discord",
    docs="https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers",
    summary="Ed25519 of `timestamp+body`, `X-Signature-Ed25519: <hex>` with the public key; 300 s",
    verify=Ed25519(header="X-Signature-Ed25519", timestamp="X-Signature-Timestamp"),
    secret="PUBLIC_KEY",
    event_type=event_type,
    delivery_id=json_field("id"),
    source=json_field("application_id"),
    handshake=ping,
    ack=ack,
    # An interaction must be answered within 3 s; Discord does not retry it.
    timeout=3,
    retries=Retries(
        retries=None,
        on="unknown (interactions are synchronous; no retry documented)",
        source="https://discord.com/developers/docs/interactions/overview",
    ),
)
