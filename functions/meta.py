"""Meta (Facebook, Instagram, Messenger, WhatsApp): HMAC-SHA256 of the body, `sha256=` hex, in
X-Hub-Signature-256, keyed with the app secret; the GET `hub.challenge` verification request."""

from __future__ import annotations

from shared import secrets
from shared.crypto import equal
from shared.delivery import Delivery
from shared.errors import BadRequest, Forbidden
from shared.provider import Answer, Provider, Retries, json_field
from shared.schemes import Hmac


def verification(delivery: Delivery) -> Answer | None:
    """GET `hub.mode=subscribe` with the verify token in `META_VERIFY_TOKEN`: the challenge, else 403."""
    if delivery.method != "GET" or delivery.query.get("hub.mode") != "subscribe":
        return None
    tokens = secrets.load(delivery.provider, "VERIFY_TOKEN")
    claimed = (delivery.query.get("hub.verify_token") or "").encode("utf-8")
    if not any(equal(token.value, claimed) for token in tokens):
        raise Forbidden("bad_verify_token")
    challenge = delivery.query.get("hub.challenge")
    if not challenge:
        raise BadRequest("missing_challenge")
    return Answer(body=challenge.encode("utf-8"), headers={"X-Content-Type-Options": "nosniff"})


def object_field(delivery: Delivery) -> str | None:
    """body `object`, with the first change's `field` (`whatsapp_business_account.messages`)."""
    document = delivery.json()
    if not isinstance(document, dict) or not isinstance(document.get("object"), str):
        return None
    entries = document.get("entry")
    entry = entries[0] if isinstance(entries, list) and entries and isinstance(entries[0], dict) else {}
    changes = entry.get("changes")
    change = changes[0] if isinstance(changes, list) and changes and isinstance(changes[0], dict) else {}
    name = change.get("field")
    return f"{document['object']}.{name}" if isinstance(name, str) else document["object"]


PROVIDER = Provider(
    id="meta",
    docs="https://developers.facebook.com/docs/graph-api/webhooks/getting-started",
    summary="HMAC-SHA256 of the body with the app secret, `X-Hub-Signature-256: sha256=<hex>`",
    verify=Hmac(header="X-Hub-Signature-256", prefix="sha256="),
    event_type=object_field,
    source=json_field("object"),
    challenge=verification,
    # Meta documents no response deadline; third parties quote 3 to 30 s. 10 s is a guess.
    timeout=10,
    variables=("META_VERIFY_TOKEN",),
    retries=Retries(
        retries=True,
        on="no 200 / timeout / 5xx",
        schedule="retried up to ~24 h (third-party WhatsApp guide); Meta docs said 36 h (not re-read)",
        source="https://docs.chatsyncs.com/meta-api/webhooks/webhook-reliability",  # third-party
    ),
)
