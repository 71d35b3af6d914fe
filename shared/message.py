"""The Pub/Sub message: the raw body, with CloudEvents binary-mode and filter attributes."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, datetime

from shared.delivery import Delivery
from shared.provider import Provider

# Pub/Sub caps attribute values at 1024 bytes.
MAX_VALUE = 1024


def utf8(value: str) -> str:
    """The value with each lone surrogate replaced by U+FFFD, so that it encodes as UTF-8.

    JSON can escape half of a surrogate pair (`{"type": "\\ud800"}` is valid JSON), and
    json.loads keeps it; Pub/Sub attributes must be UTF-8 (issue 16).
    """
    # Through UTF-16, a pair that arrived as two halves becomes its character again.
    return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def clip(value: str) -> str:
    """A value cut to Pub/Sub's attribute limit, on a UTF-8 character boundary, always valid UTF-8."""
    try:
        encoded = value.encode("utf-8")
    except UnicodeEncodeError:
        value = utf8(value)
        encoded = value.encode("utf-8")
    if len(encoded) <= MAX_VALUE:
        return value
    return encoded[:MAX_VALUE].decode("utf-8", errors="ignore")


def attributes(provider: Provider, delivery: Delivery) -> dict[str, str]:
    """The attributes of the message for one verified delivery."""
    event_type = provider.event_type(delivery)
    delivery_id = provider.delivery_id(delivery)
    source = provider.source(delivery)
    when = provider.time(delivery)
    retry = provider.retry(delivery)
    ce_time = when or datetime.fromtimestamp(delivery.received_at, UTC).isoformat().replace("+00:00", "Z")
    ce_id = delivery_id or str(uuid.uuid4())
    values = {
        "ce-specversion": "1.0",
        "ce-id": ce_id,
        "ce-source": f"{provider.id}/{source}" if source else provider.id,
        "ce-type": f"{provider.id}.{event_type}" if event_type else provider.id,
        "ce-time": ce_time,
        "content-type": delivery.header("Content-Type") or "application/octet-stream",
        "provider": provider.id,
        "event_type": event_type or "",
        "delivery_id": ce_id,
    }
    if retry:
        values["retry_num"] = retry
    for name, read in provider.attributes.items():
        values.setdefault(name, read(delivery) or "")
    return {key: clip(value) for key, value in values.items() if value}


# Pub/Sub takes at most 100 attributes per message, keys of at most 256 bytes.
MAX_ATTRIBUTES = 100
MAX_KEY = 256


def merge(ours: dict[str, str], theirs: Mapping[str, str]) -> dict[str, str]:
    """Our attributes plus a payload's own (a pushed message's), within Pub/Sub's limits.

    Ours keep their meaning (ids, type, provider); theirs may set `content-type` and add
    the rest, in key order, until the message has Pub/Sub's maximum of 100.
    """
    result = dict(ours)
    if "content-type" in theirs:
        result["content-type"] = clip(theirs["content-type"])
    for name in sorted(theirs):
        if len(result) >= MAX_ATTRIBUTES:
            break
        key = utf8(name)
        if key not in result and 0 < len(key.encode("utf-8")) <= MAX_KEY and not key.startswith("goog"):
            result[key] = clip(theirs[name])
    return result
