"""shared.consume in process: registration, the Event, and the claim's takeover against the Firestore emulator."""

from __future__ import annotations

import base64
import json
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest

from shared.consume import dedup, registry
from shared.consume.event import Event
from shared.delivery import Delivery
from shared.envelope import pushed
from tests.conftest import PROJECT


def event_of(attributes: dict[str, str], data: bytes = b"{}", message_id: str = "m1") -> Event:
    body = {
        "message": {"data": base64.b64encode(data).decode(), "attributes": attributes, "messageId": message_id},
        "subscription": "projects/p/subscriptions/s",
        "deliveryAttempt": 3,
    }
    delivery = Delivery(provider="consume", method="POST", path="/", headers={}, body=json.dumps(body).encode())
    return Event.from_push(pushed(delivery))


def test_an_event_reads_the_cloudevents_attributes() -> None:
    event = event_of(
        {
            "ce-id": "evt_1",
            "ce-source": "stripe/acct_1",
            "ce-type": "stripe.invoice.paid",
            "ce-time": "2026-12-01T10:00:00.5Z",
            "provider": "stripe",
            "event_type": "invoice.paid",
            "content-type": "text/plain; charset=latin-1",
        },
        "caf\u00e9".encode("latin-1"),
    )
    assert (event.provider, event.type, event.id, event.source) == ("stripe", "invoice.paid", "evt_1", "stripe/acct_1")
    assert event.time == datetime(2026, 12, 1, 10, 0, 0, 500000, tzinfo=UTC)
    assert (event.attempt, event.key, event.text()) == (3, ("stripe/acct_1", "evt_1"), "caf\u00e9")


def test_a_foreign_message_is_keyed_on_its_message_id() -> None:
    event = event_of({"origin": "elsewhere"}, b'{"a": 1}', message_id="42")
    assert (event.provider, event.type, event.id) == ("", "", "42")
    assert event.key == ("pubsub:projects/p/subscriptions/s", "42") and event.json() == {"a": 1}


def test_patterns_match_provider_and_type() -> None:
    @registry.on("units_provider", "invoice.*")
    def invoices(event: Event) -> None: ...

    @registry.on("units_*")
    def everything(event: Event) -> None: ...

    names = [r.function for r in registry.matching("units_provider", "invoice.paid")]
    assert names == [invoices, everything]
    assert [r.function for r in registry.matching("units_provider", "customer.created")] == [everything]
    assert [r for r in registry.matching("other", "invoice.paid") if r.name.startswith(__name__)] == []


def test_an_async_handler_is_refused_at_registration() -> None:
    with pytest.raises(TypeError):

        @registry.on("units_provider")
        async def never_awaited(event: Event) -> None: ...


@pytest.fixture
def firestore(firestore_emulator, monkeypatch):
    monkeypatch.setenv("FIRESTORE_EMULATOR_HOST", firestore_emulator.host)
    monkeypatch.setenv("GOOGLE_CLOUD_PROJECT", PROJECT)
    monkeypatch.setenv("CONSUME_COLLECTION", "units")
    dedup.reset()
    yield
    dedup.reset()


def test_an_expired_lease_is_taken_over_by_exactly_one_copy(firestore) -> None:
    key = {"ce-id": datetime.now().isoformat(), "ce-source": "units/source", "provider": "units"}
    copies = [event_of(key, message_id=f"m{i}") for i in range(9)]
    start = datetime.now(UTC)
    first = dedup.claim(copies[0], ["h"], now=start)
    assert first is not None and first.done == frozenset()
    with pytest.raises(dedup.InProgress):
        dedup.claim(copies[1], ["h"], now=start + timedelta(seconds=1))
    later = start + timedelta(seconds=dedup.lease_seconds() + 1)

    def attempt(copy: Event) -> str:
        try:
            return "claimed" if dedup.claim(copy, ["h"], now=later) else "duplicate"
        except dedup.InProgress:
            return "in_progress"

    with ThreadPoolExecutor(8) as pool:
        outcomes = list(pool.map(attempt, copies[1:]))
    assert sorted(outcomes) == ["claimed"] + ["in_progress"] * 7
    # The first holder, back late, cannot mark the taker's claim failed.
    assert dedup.finish(first, [], failed=True)
    with pytest.raises(dedup.InProgress):
        dedup.claim(copies[0], ["h"], now=later + timedelta(seconds=1))
