"""Paymob transaction processed callbacks: hex HMAC-SHA512 of twenty fields of `obj`, their values
concatenated in a fixed order, in the `hmac` query parameter."""

from __future__ import annotations

import hmac
from typing import Any

from shared.crypto import equal
from shared.delivery import Delivery
from shared.errors import Unauthorized
from shared.provider import Provider, Retries, json_field
from shared.schemes import decode, text_bytes
from shared.secrets import Secrets

# The keys, in the order Paymob concatenates their values ("HMAC Transaction Callback").
FIELDS = (
    "amount_cents",
    "created_at",
    "currency",
    "error_occured",
    "has_parent_transaction",
    "id",
    "integration_id",
    "is_3d_secure",
    "is_auth",
    "is_capture",
    "is_refunded",
    "is_standalone_payment",
    "is_voided",
    "order.id",
    "owner",
    "pending",
    "source_data.pan",
    "source_data.sub_type",
    "source_data.type",
    "success",
)


def _value(document: Any, path: str) -> str:
    for key in path.split("."):
        if not isinstance(document, dict) or key not in document:
            raise Unauthorized("missing_signed_field")
        document = document[key]
    if isinstance(document, bool):
        return "true" if document else "false"
    if isinstance(document, str | int | float):
        return str(document)
    raise Unauthorized("missing_signed_field")


def verify(delivery: Delivery, secrets: Secrets) -> None:
    """The `hmac` query parameter against HMAC-SHA512 of the listed `obj` fields' values."""
    claimed = decode(delivery.query.get("hmac", ""), "hex")
    if not claimed:
        raise Unauthorized("missing_signature")
    document = delivery.json()
    transaction = document.get("obj") if isinstance(document, dict) else None
    message = text_bytes("".join(_value(transaction, path) for path in FIELDS))
    if not any(equal(hmac.new(s.value, message, "sha512").digest(), claimed) for s in secrets):
        raise Unauthorized("bad_signature")


PROVIDER = Provider(
    id="paymob",
    docs="https://developers.paymob.com/paymob-docs/developers/webhook-callbacks-and-hmac/hmac/hmac-transaction-callback",
    summary="HMAC-SHA512 of 20 `obj` fields' values, `?hmac=<hex>`; transaction processed callbacks",
    verify=verify,
    event_type=json_field("type"),
    delivery_id=json_field("obj.id"),
    attributes={"order_id": json_field("obj.order.id")},
    retries=Retries(
        retries=None,
        schedule="unknown (callback docs read are silent)",
        source="https://developers.paymob.com/paymob-docs/developers/webhook-callbacks-and-hmac",
    ),
)
