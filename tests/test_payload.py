"""What Pub/Sub push publishes: the pushed message's data and attributes, within Pub/Sub's limits."""

from __future__ import annotations

import base64
import json

import pytest

from functions.pubsub_push import unwrap
from shared.delivery import Delivery
from shared.errors import BadRequest
from shared.message import MAX_ATTRIBUTES, merge


def push(envelope: object) -> Delivery:
    return Delivery(provider="pubsub_push", method="POST", path="/", headers={}, body=json.dumps(envelope).encode())


def test_unwrap_returns_data_and_attributes() -> None:
    data, attributes = unwrap(
        push({"message": {"data": base64.b64encode(b"\x00\xff").decode(), "attributes": {"a": "1"}}})
    )
    assert data == b"\x00\xff"
    assert attributes == {"content-type": "application/octet-stream", "a": "1"}


def test_a_message_without_data_publishes_empty_bytes() -> None:
    assert unwrap(push({"message": {"attributes": {"only": "attributes"}, "messageId": "1"}}))[0] == b""


@pytest.mark.parametrize(
    "envelope",
    [
        [],
        {},
        {"message": "x"},
        {"message": {"data": "not base64!"}},
        {"message": {"data": 12}},
        {"message": {"data": "", "attributes": ["a"]}},
        {"message": {"data": "", "attributes": {"a": 1}}},
    ],
)
def test_an_envelope_pubsub_never_sends_is_400(envelope) -> None:
    with pytest.raises(BadRequest):
        unwrap(push(envelope))


def test_merge_keeps_ours_and_caps_at_pubsubs_limit() -> None:
    ours = {"provider": "pubsub_push", "ce-id": "1", "content-type": "application/json"}
    theirs = {f"k{i:03}": "v" for i in range(150)} | {"provider": "spoofed", "ce-id": "2", "content-type": "text/csv"}
    theirs |= {"goog-reserved": "x", "k" * 300: "too long a key"}
    merged = merge(ours, theirs)
    assert len(merged) == MAX_ATTRIBUTES
    assert merged["provider"] == "pubsub_push" and merged["ce-id"] == "1"
    assert merged["content-type"] == "text/csv"
    assert "goog-reserved" not in merged and "k" * 300 not in merged
    assert merged["k000"] == "v"


def test_a_pushed_attribute_with_a_lone_surrogate_becomes_utf8() -> None:
    """JSON's `\\ud800` in a pushed message's attribute key or value: U+FFFD, never a 500 (issue 16)."""
    _, pushed = unwrap(push({"message": {"data": "", "attributes": {"k\ud800": "v\ud800", "pair": "\ud83d\ude00"}}}))
    merged = merge({"provider": "pubsub_push"}, pushed)
    assert merged["k\ufffd"] == "v\ufffd"
    assert merged["pair"] == "\U0001f600"  # a pair that arrived as two halves is its character again
    assert all(key.encode() and value.encode() for key, value in merged.items())
