"""Mailchimp Transactional (Mandrill): X-Mandrill-Signature, base64 HMAC-SHA1 with the webhook key
over the webhook URL followed by each POST parameter, sorted by name, as name + value."""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from urllib.parse import parse_qs

from shared.crypto import equal
from shared.delivery import Delivery
from shared.errors import Unauthorized
from shared.provider import Answer, Provider
from shared.schemes import decode
from shared.secrets import Secrets


def signed_data(url: str, body: bytes) -> bytes:
    """The URL, then `key + value` for each form parameter, keys sorted (Mandrill sends one)."""
    try:
        params = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=bool(body))
    except (UnicodeDecodeError, ValueError):
        raise Unauthorized("bad_form") from None
    return (url + "".join(key + value for key in sorted(params) for value in params[key])).encode("utf-8")


@dataclass(frozen=True, slots=True, kw_only=True)
class MandrillSignature:
    """X-Mandrill-Signature over the URL Mandrill called and the form it posted."""

    header: str = "X-Mandrill-Signature"

    def __call__(self, delivery: Delivery, secrets: Secrets) -> None:
        value = delivery.header(self.header)
        if value is None:
            raise Unauthorized("missing_signature")
        claimed = decode(value.strip(), "base64")
        if not claimed:
            raise Unauthorized("bad_signature")
        if not delivery.is_form():
            raise Unauthorized("unsigned_body")
        message = signed_data(delivery.url, delivery.body)
        if not any(equal(hmac.new(s.value, message, hashlib.sha1).digest(), claimed) for s in secrets):
            raise Unauthorized("bad_signature")

    def sign(self, delivery: Delivery, secret: bytes) -> dict[str, str]:
        """The header Mandrill would add: for the curl helper only, never for tests."""
        digest = hmac.new(secret, signed_data(delivery.url, delivery.body), hashlib.sha1).digest()
        return {self.header: base64.b64encode(digest).decode()}


def validation(delivery: Delivery) -> Answer | None:
    """The HEAD request Mandrill sends when a webhook is added: 200, nothing published."""
    return Answer() if delivery.method == "HEAD" else None


def events(delivery: Delivery) -> list:
    """The `mandrill_events` form field, a JSON array of events."""
    import json

    try:
        document = json.loads(delivery.form().get("mandrill_events", ""))
    except ValueError:
        document = None
    return document if isinstance(document, list) else []


def event_type(delivery: Delivery) -> str | None:
    """`event` of the first of form `mandrill_events` (`send`, `open`, `click`, `inbound`, ...)."""
    batch = events(delivery)
    kind = batch[0].get("event") if batch and isinstance(batch[0], dict) else None
    return kind if isinstance(kind, str) else None


PROVIDER = Provider(
    id="mandrill",
    docs="https://mailchimp.com/developer/transactional/guides/track-respond-activity-webhooks/#authenticating-webhook-requests",
    summary="HMAC-SHA1 of URL + sorted form params, `X-Mandrill-Signature: <b64>`; key: the webhook's key",
    verify=MandrillSignature(),
    event_type=event_type,
    # A batch of events in one form field: ce-id is a generated UUID; deduplicate on each `_id`.
    challenge=validation,
    # No number is documented: 10 s assumed.
    timeout=10,
    variables=("MANDRILL_PUBLIC_URL",),
)
