"""A verified JSON body whose event type or id is a lone surrogate: acknowledged, published as is,
with attribute values that are valid UTF-8 (issue 16.3).

`{"type": "\\ud800"}` is valid JSON, but the string it gives cannot be encoded as UTF-8, and
Pub/Sub attributes must be. The providers tested are those whose `event_type` or `delivery_id`
reader answers from the JSON body, found from the declarations themselves: each field (and key)
of the sample's body is changed in turn, and a field is the reader's when its answer changes.
"""

from __future__ import annotations

import copy
import json
import time
from dataclasses import dataclass
from typing import Any

import pytest

from functions import PROVIDERS
from shared.delivery import Delivery
from tests.signers import SAMPLES
from tests.test_contract import signed

LONE = "\ud800"  # a high surrogate with no low one after it
FACTS = ("event_type", "delivery_id")
Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Spot:
    """Where a reader's fact lives in the sample's JSON: a value, or (Twitter's `*_events`) a key."""

    path: Path
    key: bool


def places(document: Any, path: Path = ()) -> list[Spot]:
    """Every scalar value and every key of a JSON document."""
    found = []
    if isinstance(document, dict):
        for name, inner in document.items():
            found += [Spot((*path, name), key=True), *places(inner, (*path, name))]
    elif isinstance(document, list):
        for index, inner in enumerate(document):
            found += places(inner, (*path, index))
    elif isinstance(document, str | int | float) and not isinstance(document, bool):
        found.append(Spot(path, key=False))
    return found


def spoiled(document: Any, spots: list[Spot]) -> Any:
    """A copy of the document with a lone surrogate put in front of each spot's value or key."""
    result = copy.deepcopy(document)
    for spot in spots:
        parent = result
        for step in spot.path[:-1]:
            parent = parent[step]
        last = spot.path[-1]
        if spot.key:
            parent[LONE + last] = parent.pop(last)
        else:
            parent[last] = LONE + str(parent[last])
    return result


def read(provider: str, fact: str, body: bytes) -> str | None:
    sample = SAMPLES[provider]
    headers = {"Content-Type": sample.content_type, **sample.headers}
    delivery = Delivery(provider=provider, method="POST", path=f"/{provider}", headers=headers, body=body)
    try:
        return getattr(PROVIDERS[provider], fact)(delivery)
    except Exception:  # noqa: BLE001 - a body this reader refuses: not where its fact lives
        return None


def spots(provider: str) -> dict[str, Spot]:
    """For each fact read from the JSON body: the first field whose change shows in the answer."""
    try:
        document = json.loads(SAMPLES[provider].body_at(int(time.time())))
    except ValueError:
        return {}
    found = {}
    for fact in FACTS:
        for spot in places(document):
            answer = read(provider, fact, json.dumps(spoiled(document, [spot])).encode())
            if answer and LONE in answer:
                found[fact] = spot
                break
    return found


SPOTS = {provider: found for provider in PROVIDERS if (found := spots(provider))}


def test_every_body_field_reader_is_covered() -> None:
    """The search finds at least the readers the declarations describe as reading the body."""
    from shared.provider import describe

    # Twitter's `*_events` key, Slack's nested `event.type`: both reached by the search too.
    described = {
        p
        for p, provider in PROVIDERS.items()
        for fact in FACTS
        if "body" in describe(getattr(provider, fact)) and SAMPLES[p].json
    }
    assert described <= set(SPOTS)
    assert len(SPOTS) >= 100


def send(server, provider: str) -> tuple[bytes, object]:
    """The sample's body with a lone surrogate where its event type and id are read, signed now."""
    sample = SAMPLES[provider]
    now = int(time.time())
    body = json.dumps(spoiled(json.loads(sample.body_at(now)), list(SPOTS[provider].values()))).encode()
    path = f"/{provider}?{sample.query}" if sample.query else f"/{provider}"
    return body, server.post(path, body, signed(provider, body, now))


@pytest.mark.parametrize("provider", sorted(p for p in SPOTS if SAMPLES[p].resigns))
def test_lone_surrogate_in_event_type_or_id_is_published_with_utf8_attributes(server, topic, provider: str) -> None:
    sample = SAMPLES[provider]
    subscription = topic(provider)
    body, response = send(server, provider)
    assert response.status_code == sample.ack[0] and response.ok, response.text
    messages = subscription.pull(expect=1)
    assert len(messages) == 1
    assert messages[0].data == (body if sample.data is None else sample.data)
    attributes = dict(messages[0].attributes)
    for value in attributes.values():
        value.encode("utf-8")  # raises on a surrogate
    for fact in SPOTS[provider]:
        assert "\ufffd" in attributes[fact], fact  # the surrogate, replaced: the rest of the value kept
    assert attributes["ce-id"] == attributes["delivery_id"]


@pytest.mark.parametrize("provider", sorted(p for p in SPOTS if not SAMPLES[p].resigns))
def test_lone_surrogate_in_a_signed_field_is_a_401(server, topic, provider: str) -> None:
    """Where the signature covers the field changed, the change is a forgery: 401, never a 500."""
    subscription = topic(provider)
    _, response = send(server, provider)
    assert response.status_code == 401, response.text
    assert subscription.pull() == []


def document(body: bytes) -> Any:
    """The body as JSON, or None where it is not JSON."""
    try:
        return json.loads(body)
    except ValueError:
        return None


HANDSHAKES = [
    (provider, number)
    for provider, sample in SAMPLES.items()
    for number, exchange in enumerate(sample.exchanges)
    if exchange.signed and exchange.method == "POST" and places(document(exchange.body))
]


@pytest.mark.parametrize(("provider", "number"), HANDSHAKES, ids=lambda value: str(value))
def test_lone_surrogate_in_a_signed_handshake_is_never_a_500(server, provider: str, number: int) -> None:
    """Each field of a signed handshake in turn (Slack's `challenge`, Zoom's `plainToken`...): never a 500."""
    exchange = SAMPLES[provider].exchanges[number]
    handshake = document(exchange.body)
    statuses = set()
    for spot in places(handshake):
        body = json.dumps(spoiled(handshake, [spot])).encode()
        headers = {**signed(provider, body, int(time.time())), **exchange.headers}
        query = f"?{exchange.query}" if exchange.query else ""
        statuses.add(server.post(f"/{provider}{query}", body, headers).status_code)
    assert statuses and max(statuses) < 500, statuses
