"""Twilio: HMAC-SHA1, base64, in X-Twilio-Signature, over the public URL followed by the sorted
form parameters; for JSON bodies over the URL alone, whose `bodySHA256` names the body's hash
(Event Streams webhook sinks send a JSON array of CloudEvents so)."""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from shared.crypto import equal
from shared.delivery import Delivery
from shared.errors import Unauthorized
from shared.provider import Answer, Provider, Retries, form_field
from shared.schemes import decode, sorted_form
from shared.secrets import Secrets

EMPTY_TWIML = Answer(
    body=b'<?xml version="1.0" encoding="UTF-8"?><Response></Response>', content_type="text/xml; charset=utf-8"
)


def _urls(url: str) -> tuple[str, ...]:
    """The URL with and without its default port: Twilio signs either (twilio-python's validate)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        # A forwarded host with a port that is not a number: no URL Twilio could have signed.
        raise Unauthorized("bad_url") from None
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    default = 443 if parts.scheme == "https" else 80
    bare = parts._replace(netloc=host).geturl()
    ported = parts._replace(netloc=f"{host}:{port or default}").geturl()
    if port not in (None, default):
        return (url,)
    return (bare, ported)


def _message(delivery: Delivery, url: str) -> bytes:
    if delivery.is_form():
        return url.encode("utf-8") + sorted_form(delivery)
    # Non-form bodies: the signature covers the URL; its bodySHA256 must hash the body.
    claimed = parse_qs(urlsplit(url).query).get("bodySHA256", [""])[0]
    if not equal(hashlib.sha256(delivery.body).hexdigest().encode(), claimed.lower().encode()):
        raise Unauthorized("bad_body_hash")
    return url.encode("utf-8")


@dataclass(frozen=True, slots=True, kw_only=True)
class TwilioSignature:
    """X-Twilio-Signature, checked against every form of the URL Twilio may have signed."""

    header: str = "X-Twilio-Signature"

    def __call__(self, delivery: Delivery, secrets: Secrets) -> None:
        value = delivery.header(self.header)
        if value is None:
            raise Unauthorized("missing_signature")
        claimed = decode(value.strip(), "base64")
        if not claimed:
            raise Unauthorized("bad_signature")
        messages = [_message(delivery, url) for url in _urls(delivery.url)]
        if not any(
            equal(hmac.new(s.value, message, hashlib.sha1).digest(), claimed) for s in secrets for message in messages
        ):
            raise Unauthorized("bad_signature")

    def sign(self, delivery: Delivery, secret: bytes) -> dict[str, str]:
        """The header Twilio would add: for the curl helper only, never for tests."""
        digest = hmac.new(secret, _message(delivery, delivery.url), hashlib.sha1).digest()
        return {self.header: base64.b64encode(digest).decode()}


def _cloud_events(delivery: Delivery) -> list[dict] | None:
    """An Event Streams delivery's CloudEvents (its body is a JSON array of them); None otherwise."""
    if delivery.is_form() or not delivery.body.lstrip().startswith(b"["):
        return None
    document = delivery.json()
    return [event for event in document if isinstance(event, dict)] if isinstance(document, list) else None


def event_type(delivery: Delivery) -> str | None:
    """form `MessageStatus`, `SmsStatus` or `CallStatus`; Event Streams: the CloudEvents' shared `type`."""
    if delivery.is_form():
        form = delivery.form()
        return next((form[key] for key in ("MessageStatus", "SmsStatus", "CallStatus") if form.get(key)), None)
    # A batch may mix types: only a type every event has describes the delivery.
    types = {event.get("type") for event in _cloud_events(delivery) or ()}
    kind = types.pop() if len(types) == 1 else None
    return kind if isinstance(kind, str) and kind else None


def delivery_id(delivery: Delivery) -> str | None:
    """Event Streams, one event: its CloudEvent `id`; else the `I-Twilio-Idempotency-Token` header."""
    events = _cloud_events(delivery)
    if events is not None and len(events) == 1 and isinstance(events[0].get("id"), str) and events[0]["id"]:
        return events[0]["id"]
    # Not in Twilio's docs; seen on its requests, and kept across retries.
    return delivery.header("I-Twilio-Idempotency-Token")


def account(delivery: Delivery) -> str | None:
    """form `AccountSid`."""
    return form_field("AccountSid")(delivery) if delivery.is_form() else None


PROVIDER = Provider(
    id="twilio",
    docs="https://www.twilio.com/docs/usage/security#validating-requests",
    summary="HMAC-SHA1 of URL + sorted form params (JSON: URL with `bodySHA256`), `X-Twilio-Signature: <b64>`",
    verify=TwilioSignature(),
    event_type=event_type,
    delivery_id=delivery_id,
    source=account,
    ack=EMPTY_TWIML,
    # Twilio's default read timeout is 15 s (connection overrides, `rt`).
    timeout=15,
    variables=("TWILIO_PUBLIC_URL",),
    retries=Retries(
        retries=True,
        on="connection failure by default (#rc=1); 4xx/5xx/timeouts per #rp (default not read)",
        schedule="default 1 retry; #rc up to 5 per URL fragment, #tt caps total time (15 s)",
        source="https://www.twilio.com/docs/usage/webhooks/webhooks-connection-overrides",
    ),
)
