"""Adyen standard webhooks: HMAC-SHA256 over fields of each notification item, in the body.

Each `NotificationRequestItem` carries `additionalData.hmacSignature`: base64 HMAC-SHA256,
keyed with the hex-decoded HMAC key, of `pspReference:originalReference:merchantAccountCode:
merchantReference:value:currency:eventCode:success` (absent fields empty). The rest of the
body is not covered. Adyen expects `[accepted]` within 10 s.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from shared.crypto import equal
from shared.delivery import Delivery
from shared.errors import Unauthorized
from shared.provider import Answer, Provider, Retries, first_item
from shared.schemes import decode, text_bytes
from shared.secrets import Secrets

FIELDS = ("pspReference", "originalReference", "merchantAccountCode", "merchantReference")
TAIL = ("eventCode", "success")


def _items(delivery: Delivery) -> list[Any]:
    document = delivery.json()
    items = document.get("notificationItems") if isinstance(document, dict) else None
    if not isinstance(items, list) or not items:
        raise Unauthorized("missing_signature")
    return [entry.get("NotificationRequestItem") if isinstance(entry, dict) else None for entry in items]


def _signing_string(item: dict[str, Any]) -> bytes:
    amount = item.get("amount") if isinstance(item.get("amount"), dict) else {}
    values = [item.get(name) for name in FIELDS] + [amount.get("value"), amount.get("currency")]
    values += [item.get(name) for name in TAIL]
    if not all(value is None or isinstance(value, str | int) and not isinstance(value, bool) for value in values):
        raise Unauthorized("bad_signature")
    return text_bytes(":".join("" if value is None else str(value) for value in values))


def verify(delivery: Delivery, secrets: Secrets) -> None:
    """Every item of the batch must carry a valid `additionalData.hmacSignature`."""
    keys = [key for key in (decode(s.value.decode("ascii", "replace"), "hex") for s in secrets) if key]
    for item in _items(delivery):
        extra = item.get("additionalData") if isinstance(item, dict) else None
        claimed = extra.get("hmacSignature") if isinstance(extra, dict) else None
        if not isinstance(claimed, str):
            raise Unauthorized("missing_signature")
        raw = decode(claimed, "base64")
        message = _signing_string(item)
        if not raw or not any(equal(hmac.digest(key, message, hashlib.sha256), raw) for key in keys):
            raise Unauthorized("bad_signature")


def delivery_id(delivery: Delivery) -> str | None:
    """`eventCode:pspReference` of the first item (one payment sends several events)."""
    items = _items_or_none(delivery)
    if not items:
        return None
    code, reference = items[0].get("eventCode"), items[0].get("pspReference")
    return f"{code}:{reference}" if isinstance(code, str) and isinstance(reference, str) else None


def _items_or_none(delivery: Delivery) -> list[dict[str, Any]]:
    try:
        return [item for item in _items(delivery) if isinstance(item, dict)]
    except Unauthorized:
        return []


PROVIDER = Provider(
    id="adyen",
    docs="https://docs.adyen.com/development-resources/webhooks/secure-webhooks/verify-hmac-signatures",
    summary="HMAC-SHA256 (hex key) of each item's `pspReference:...:eventCode:success`, b64 in "
    "`additionalData.hmacSignature`",
    verify=verify,
    event_type=first_item("NotificationRequestItem.eventCode", within="notificationItems"),
    delivery_id=delivery_id,
    source=first_item("NotificationRequestItem.merchantAccountCode", within="notificationItems"),
    ack=Answer(body=b"[accepted]"),
    timeout=10,
    retries=Retries(
        retries=True,
        on="non-2xx or no answer in 10 s",
        schedule="3 quick retries (9/18/27 s), then queue 2 min..8 h intervals, up to 30 days",
        disables="unknown (endpoint shown Failing; queue holds later events)",
        source="https://docs.adyen.com/development-resources/webhooks/troubleshoot",
    ),
)
