"""Exact Online: the body is `{"Content":{...},"HashCode":"<HEX>"}`; HashCode is HMAC-SHA256 of the
raw `Content` value with the app's webhook secret, uppercase hex. No header, no timestamp."""

from __future__ import annotations

import hmac
import re

from shared.crypto import equal
from shared.delivery import Delivery
from shared.errors import Unauthorized
from shared.provider import Provider, Retries, json_field
from shared.schemes import decode
from shared.secrets import Secrets

# The layout picqer/exact-php-client's Webhook\Authenticatable matches: the Content bytes are
# signed as sent, so they are cut from the raw body, never re-serialized.
LAYOUT = re.compile(rb'\A\{"Content":(.*),"HashCode":"([0-9A-Fa-f]*)"\}\Z', re.DOTALL)


def verify(delivery: Delivery, secrets: Secrets) -> None:
    """HashCode against HMAC-SHA256 of the raw Content bytes, for any configured secret."""
    match = LAYOUT.match(delivery.body)
    if match is None:
        delivery.json()  # a body that is not JSON is a 400, as for every provider
        raise Unauthorized("missing_signature")
    content, hash_code = match.groups()
    claimed = decode(hash_code.decode("ascii"), "hex")
    if not claimed:
        raise Unauthorized("bad_signature")
    if not any(equal(hmac.digest(s.value, content, "sha256"), claimed) for s in secrets):
        raise Unauthorized("bad_signature")


PROVIDER = Provider(
    id="exact_online",
    docs="https://github.com/picqer/exact-php-client/blob/master/src/Picqer/Financials/Exact/Webhook/Authenticatable.php",
    summary='HMAC-SHA256 of the raw `Content` value, `"HashCode":"<HEX>"` in the body; no timestamp',
    verify=verify,
    # Content: Topic (Accounts, SalesInvoices, ...), ClientId, Division, Action, Key (the record's
    # GUID, repeated across its changes), ExactOnlineEndpoint, EventCreatedOn. No delivery id:
    # ce-id is a generated UUID.
    event_type=json_field("Content.Topic"),
    source=json_field("Content.Division"),
    attributes={"action": json_field("Content.Action"), "key": json_field("Content.Key")},
    # Exact publishes no delivery timeout: the contract default.
    retries=Retries(
        retries=None,
        schedule="unknown (no retry policy found)",
        source="https://github.com/picqer/exact-php-client",  # no retry policy found
    ),
)
