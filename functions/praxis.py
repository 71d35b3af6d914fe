"""Praxis (Praxis Tech cashier) payment notifications: hex SHA-384 of eleven body values, in a
fixed order, followed by the merchant secret, in `GT-Authentication`; acknowledged with a
`{"status": 0, ...}` JSON answer that is signed the same way."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from shared import secrets as configuration
from shared.crypto import equal
from shared.delivery import Delivery
from shared.errors import BadRequest, Unauthorized
from shared.provider import Answer, Provider, Retries, json_field
from shared.schemes import check_age, decode, text_bytes
from shared.secrets import Secrets

HEADER = "GT-Authentication"
TOLERANCE = 300.0
# "Request signature parameters" of the Webhooks Notification, in this order; null values are
# skipped ("IMPORTANT 4"), and so is `transaction` itself, null when the session expired.
FIELDS = (
    "merchant_id",
    "application_key",
    "timestamp",
    "customer.customer_token",
    "session.order_id",
    "transaction.tid",
    "transaction.currency",
    "transaction.amount",
    "transaction.conversion_rate",
    "transaction.processed_currency",
    "transaction.processed_amount",
)


def _value(document: Any, path: str) -> str | None:
    for key in path.split("."):
        if not isinstance(document, dict):
            return None
        document = document.get(key)
    if document is None:
        return None
    if isinstance(document, dict | list | bool):
        raise Unauthorized("bad_signed_field")
    return str(document)


def document(body: bytes) -> dict[str, Any]:
    """The notification, its decimals kept as the text Praxis wrote (`1.50`, not `1.5`)."""
    try:
        parsed = json.loads(body, parse_float=str)
    except ValueError:
        raise BadRequest("bad_json") from None
    if not isinstance(parsed, dict):
        raise BadRequest("bad_json")
    return parsed


def message(notification: dict[str, Any]) -> bytes:
    """The documented concatenation of the signed values, before the secret is appended."""
    return text_bytes("".join(v for v in (_value(notification, path) for path in FIELDS) if v is not None))


def verify(delivery: Delivery, secrets: Secrets) -> None:
    """`GT-Authentication` against SHA-384 of the listed values followed by the merchant secret,
    then the age of the signed `timestamp`."""
    claimed = decode((delivery.header(HEADER) or "").strip(), "hex")
    if not claimed:
        raise Unauthorized("missing_signature")
    notification = document(delivery.body)
    signed = message(notification)
    if not any(equal(hashlib.sha384(signed + s.value).digest(), claimed) for s in secrets):
        raise Unauthorized("bad_signature")
    # The body's `timestamp` is the "Request time" and is signed; Praxis publishes no window:
    # the contract's default 5 minutes.
    timestamp = notification.get("timestamp")
    if not isinstance(timestamp, int) or isinstance(timestamp, bool):
        raise Unauthorized("missing_timestamp")
    check_age(float(timestamp), delivery.received_at, TOLERANCE)


def ack(delivery: Delivery) -> Answer:
    """`{"status": 0, ...}` with its own `GT-Authentication`: SHA-384 of status, timestamp, secret."""
    # Anything but a recognised answer makes Praxis resend in about 5 minutes; the answer is
    # signed like every Praxis message, with the first configured secret.
    timestamp = str(int(delivery.received_at))
    secret = configuration.load("praxis")[0].value
    signature = hashlib.sha384(b"0" + timestamp.encode("ascii") + secret).hexdigest()
    body = b'{"status":0,"description":"Ok","version":"1.3","timestamp":' + timestamp.encode("ascii") + b"}"
    return Answer(body=body, content_type="application/json; charset=utf-8", headers={HEADER: signature})


PROVIDER = Provider(
    id="praxis",
    docs="https://doc.praxiscashier.com/integration_docs/latest/webhooks/notification",
    summary="SHA-384 hex of 11 body values + secret, `GT-Authentication`; body `timestamp` 300 s; signed ack",
    # A plain function, not BodyTimestamp: the signature is over body values, so there is
    # nothing for scripts/curl.py to sign, and examples/praxis.json carries a fixed timestamp.
    verify=verify,
    ack=ack,
    event_type=json_field("transaction.transaction_status"),
    # No notification id: `tid` is the same for each status change of one transaction.
    source=json_field("application_key"),
    attributes={"tid": json_field("transaction.tid"), "order_id": json_field("session.order_id")},
    retries=Retries(
        retries=True,
        on="body status -1 or answer in unrecognized format (HTTP codes not stated)",
        schedule="resent in ~5 min; count and limit unknown",
        source="https://doc.praxiscashier.com/integration_docs/latest/webhooks/notification",
    ),
)
