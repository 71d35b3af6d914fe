"""Praxis: what the contract's generic cases cannot see. Only listed values are signed, so a
changed amount under the old signature is a near miss; and the answer is itself signed."""

from __future__ import annotations

import hashlib
import json

import pytest

from functions.praxis import PROVIDER, ack
from shared.delivery import Delivery
from shared.errors import Unauthorized
from shared.secrets import Secret
from tests.samples.praxis import SECRET, document, gt_authentication

NOW = 1_700_000_000


def delivery(body: bytes, headers: dict[str, str]) -> Delivery:
    return Delivery(provider="praxis", method="POST", path="/", headers=headers, body=body, received_at=NOW + 2)


def body(**transaction: object) -> bytes:
    return json.dumps(document(NOW, **transaction)).encode()


@pytest.mark.parametrize(
    "changed",
    [{"amount": 10000}, {"processed_amount": 99}, {"tid": 37103}, {"currency": "USD"}, {"conversion_rate": "1.1"}],
    ids=str,
)
def test_a_signed_value_changed_under_the_old_signature_is_refused(changed: dict) -> None:
    with pytest.raises(Unauthorized):
        PROVIDER.verify(delivery(body(**changed), gt_authentication(body(), NOW)), (Secret(SECRET.encode()),))


@pytest.mark.parametrize(
    "text",
    [b'"conversion_rate": 1.50', b'"conversion_rate": "0.8790"'],
    ids=["number", "string"],
)
def test_a_decimal_is_signed_as_written(text: bytes) -> None:
    raw = body().replace(b'"conversion_rate": null', text)
    written = text.split(b": ")[1].strip(b'"').decode()
    doc = document(NOW)
    signed = "".join(
        str(v)
        for v in (
            doc["merchant_id"],
            doc["application_key"],
            NOW,
            doc["customer"]["customer_token"],
            doc["session"]["order_id"],
            37102,
            "EUR",
            100,
            written,
            "EUR",
            100,
        )
    )
    headers = {"GT-Authentication": hashlib.sha384((signed + SECRET).encode()).hexdigest()}
    PROVIDER.verify(delivery(raw, headers), (Secret(SECRET.encode()),))


def sent_at(age: int) -> Delivery:
    """A notification signed `age` seconds before it arrives (negative: from the future)."""
    sent = json.dumps(document(NOW - age)).encode()
    return Delivery(
        provider="praxis", method="POST", path="/", headers=gt_authentication(sent, NOW), body=sent, received_at=NOW
    )


@pytest.mark.parametrize("age", [299, -299])
def test_a_timestamp_inside_five_minutes_verifies(age: int) -> None:
    PROVIDER.verify(sent_at(age), (Secret(SECRET.encode()),))


@pytest.mark.parametrize("age", [301, -301])
def test_a_timestamp_outside_five_minutes_is_refused(age: int) -> None:
    with pytest.raises(Unauthorized, match="stale_timestamp"):
        PROVIDER.verify(sent_at(age), (Secret(SECRET.encode()),))


def test_a_signed_notification_without_timestamp_is_refused() -> None:
    sent = json.dumps({**document(NOW), "timestamp": None}).encode()
    with pytest.raises(Unauthorized, match="missing_timestamp"):
        PROVIDER.verify(delivery(sent, gt_authentication(sent, NOW)), (Secret(SECRET.encode()),))


def test_the_answer_is_signed_over_status_and_timestamp(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRAXIS_WEBHOOK_SECRET", SECRET)
    answer = ack(delivery(body(), {}))
    document_ = json.loads(answer.body)
    assert document_ == {"status": 0, "description": "Ok", "version": "1.3", "timestamp": NOW + 2}
    expected = hashlib.sha384(f"0{NOW + 2}{SECRET}".encode()).hexdigest()
    assert answer.headers["GT-Authentication"] == expected
