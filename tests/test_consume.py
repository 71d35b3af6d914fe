"""consume: handlers run once per event, against the real Firestore and Pub/Sub emulators and real processes.

Handlers are tests/consume_handlers.py (CONSUME_HANDLERS); each run appends a line to a file
both `consume` processes share, so runs are counted across processes.
"""

from __future__ import annotations

import base64
import http.client
import json
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from tests.conftest import PROJECT, ROOT, Server, free_port
from tests.samples.pubsub_push import AUDIENCE, CLAIMS, SERVICE_ACCOUNT
from tests.signers import SAMPLES, google_id_token, signing_certificate

# An SDK in the venv ships a top-level `tests` package: put ours first on the consume processes' path.
HANDLERS = {"CONSUME_HANDLERS": "tests.consume_handlers", "PYTHONPATH": str(ROOT)}


def token(claims: dict[str, object] | None = None, key=None) -> str:
    now = int(time.time())
    return google_id_token({**CLAIMS, "iat": now, "exp": now + 3600, **(claims or {})}, key=key)


def envelope(attributes: dict[str, str], data: bytes = b'{"n": 1}', message_id: str | None = None) -> dict:
    return {
        "message": {
            "data": base64.b64encode(data).decode(),
            "attributes": attributes,
            "messageId": message_id or uuid.uuid4().hex,
            "publishTime": "2026-12-01T10:00:00.000Z",
        },
        "subscription": f"projects/{PROJECT}/subscriptions/consume-test",
    }


def event(kind: str, event_id: str | None = None) -> dict[str, str]:
    """The attributes `webhooks` would give an event of the `test` provider."""
    event_id = event_id or uuid.uuid4().hex
    return {
        "ce-specversion": "1.0",
        "ce-id": event_id,
        "ce-source": "test/hooks/7",
        "ce-type": f"test.{kind}",
        "ce-time": "2026-12-01T10:00:00Z",
        "content-type": "application/json",
        "provider": "test",
        "event_type": kind,
        "delivery_id": event_id,
    }


def push(server: Server, document: dict | bytes, headers: dict[str, str] | None = None) -> requests.Response:
    body = document if isinstance(document, bytes) else json.dumps(document).encode()
    sent = {"Content-Type": "application/json", "Authorization": f"Bearer {token()}", **(headers or {})}
    return server.post("/", body, sent)


class Record:
    """The handler runs recorded by tests/consume_handlers.py."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def lines(self, event_id: str, handler: str | None = None) -> list[dict]:
        if not self.path.exists():
            return []
        found = [json.loads(line) for line in self.path.read_text().splitlines() if line.strip()]
        return [f for f in found if f["id"] == event_id and (handler is None or f["handler"] == handler)]

    def count(self, event_id: str, handler: str | None = None) -> int:
        return len(self.lines(event_id, handler))


def log_lines(server: Server, event_id: str) -> list[dict]:
    found = []
    for line in server.log_lines():
        if line.startswith("{") and '"outcome"' in line:
            record = json.loads(line)
            if record.get("delivery_id") == event_id:
                found.append(record)
    return found


def wait_for(check, seconds: float = 30.0):
    deadline = time.monotonic() + seconds
    while True:
        result = check()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(0.1)


@pytest.fixture(scope="module")
def record(tmp_path_factory) -> Record:
    return Record(tmp_path_factory.mktemp("consume") / "runs.jsonl")


@pytest.fixture(scope="module")
def consumers(firestore_emulator, server_factory, google_certs, record) -> tuple[Server, Server]:
    """Two `consume` processes sharing one collection; the second checks push tokens."""
    env = {
        "FIRESTORE_EMULATOR_HOST": firestore_emulator.host,
        **HANDLERS,
        "CONSUME_TEST_RECORD": str(record.path),
        "CONSUME_COLLECTION": f"deliveries-{uuid.uuid4().hex[:8]}",
    }
    checked = {
        "CONSUME_SERVICE_ACCOUNTS": SERVICE_ACCOUNT,
        "CONSUME_AUDIENCE": AUDIENCE,
        "CONSUME_CERTS_URL": google_certs.url,
    }
    return server_factory("consume", env, name="consume-a"), server_factory("consume", {**env, **checked}, "consume-b")


@pytest.fixture(scope="module")
def subscriber(publisher_client):
    publisher, subscriber = publisher_client
    made: list[str] = []

    def subscribe(topic: str, **settings) -> str:
        from google.api_core.exceptions import AlreadyExists

        try:
            publisher.create_topic(name=f"projects/{PROJECT}/topics/{topic}")
        except AlreadyExists:
            pass
        name = f"projects/{PROJECT}/subscriptions/consume-{uuid.uuid4().hex[:12]}"
        subscriber.create_subscription(
            request={"name": name, "topic": f"projects/{PROJECT}/topics/{topic}", **settings}
        )
        made.append(name)
        return name

    yield subscribe
    for name in made:
        subscriber.delete_subscription(subscription=name)


@pytest.fixture(scope="module")
def poison(consumers, subscriber, publisher_client) -> tuple[str, dict[str, str]]:
    """An event whose handler always raises, published at once: its dead-lettering (some 13 s of
    the emulator's redeliveries) runs while the other tests do. Its dead-letter subscription and attributes."""
    from google.protobuf import duration_pb2

    topic = f"webhooks-test-{uuid.uuid4().hex[:8]}"
    dead = subscriber(f"{topic}-dead")
    subscriber(
        topic,
        push_config={"push_endpoint": consumers[0].url + "/"},
        ack_deadline_seconds=10,
        dead_letter_policy={"dead_letter_topic": f"projects/{PROJECT}/topics/{topic}-dead", "max_delivery_attempts": 5},
        retry_policy={
            "minimum_backoff": duration_pb2.Duration(nanos=100_000_000),
            "maximum_backoff": duration_pb2.Duration(seconds=1),
        },
    )
    attributes = event("always")
    publisher_client[0].publish(f"projects/{PROJECT}/topics/{topic}", b'{"poison": true}', **attributes).result(10)
    return dead, attributes


@pytest.fixture(scope="module")
def github_pushed(consumers, subscriber, poison) -> Server:
    """webhooks-github pushed to the first `consume` process by the Pub/Sub emulator (and the poison sent)."""
    subscriber("webhooks-github", push_config={"push_endpoint": consumers[0].url + "/"}, ack_deadline_seconds=10)
    return consumers[0]


def send_github(server: Server, delivery: str) -> None:
    sample = SAMPLES["github"]
    headers = {"Content-Type": sample.content_type, **sample.headers, **sample.sign(sample.body, int(time.time()))}
    # GitHub signs the body only: a fresh X-GitHub-Delivery keeps the published vector valid.
    response = server.post("/github", sample.body, {**headers, "X-GitHub-Delivery": delivery})
    assert response.status_code == 200, response.text


def test_a_signed_delivery_runs_its_handler_once_with_the_exact_bytes(server, topic, github_pushed, record) -> None:
    delivery = str(uuid.uuid4())
    pulled = topic("github")
    send_github(server, delivery)
    published = pulled.pull(expect=1)[0]
    assert wait_for(lambda: record.count(delivery) == 1 and log_lines(github_pushed, delivery))
    [run] = record.lines(delivery)
    assert run["handler"] == "github_push"
    assert base64.b64decode(run["body"]) == published.data == SAMPLES["github"].body
    assert run["attributes"] == dict(published.attributes)
    assert (run["provider"], run["type"], run["source"]) == ("github", "push", "github/hooks/292430182")
    [line] = log_lines(github_pushed, delivery)
    assert (line["status"], line["outcome"], line["handlers"], line["writes"]) == (200, "handled", 1, 2)


@pytest.mark.parametrize("copies", [2, 5, 50])
def test_a_delivery_sent_many_times_runs_once(server, github_pushed, record, copies: int) -> None:
    delivery = str(uuid.uuid4())
    for _ in range(copies):
        send_github(server, delivery)
    # Copies pushed while the first still runs are answered 503 and pushed again later.
    answered = wait_for(
        lambda: (
            [x for x in log_lines(github_pushed, delivery) if x["status"] == 200]
            if len([x for x in log_lines(github_pushed, delivery) if x["status"] == 200]) >= copies
            else None
        )
    )
    assert answered, log_lines(github_pushed, delivery)
    assert sorted(x["outcome"] for x in answered) == ["duplicate"] * (copies - 1) + ["handled"]
    assert record.count(delivery) == 1


def test_fifty_copies_at_once_on_two_processes_run_once(consumers, record) -> None:
    event_id = uuid.uuid4().hex
    attributes = event("once", event_id)
    copies = [envelope(attributes) for _ in range(50)]
    barrier = threading.Barrier(50)

    def send(index: int) -> int:
        barrier.wait()
        return push(consumers[index % 2], copies[index]).status_code

    with ThreadPoolExecutor(50) as pool:
        statuses = list(pool.map(send, range(50)))
    assert set(statuses) <= {200, 503} and statuses.count(200) >= 1
    # Pub/Sub redelivers each copy refused with 503; by then the first has finished.
    waiting = [i for i, status in enumerate(statuses) if status == 503]
    for _ in range(20):
        if not waiting:
            break
        time.sleep(0.3)
        waiting = [i for i in waiting if push(consumers[i % 2], copies[i]).status_code != 200]
    assert waiting == []
    assert record.count(event_id, "once") == 1
    outcomes = [x["outcome"] for server in consumers for x in log_lines(server, event_id) if x["status"] == 200]
    assert sorted(outcomes) == ["duplicate"] * 49 + ["handled"]


def test_a_handler_that_raises_once_runs_again_and_succeeds_once(consumers, record) -> None:
    copy = envelope(event("flaky"))
    event_id = copy["message"]["attributes"]["ce-id"]
    first = push(consumers[0], copy)
    assert (first.status_code, first.text) == (500, "failed")
    assert push(consumers[1], copy).status_code == 200  # the redelivery, on another instance
    assert push(consumers[0], copy).status_code == 200  # and any later copy: already handled
    assert record.count(event_id, "flaky") == 2
    [failed] = [x for x in log_lines(consumers[0], event_id) if x["status"] == 500]
    assert failed["severity"] == "ERROR" and failed["reason"] == "handler_raised"
    assert failed["error"].startswith("RuntimeError in tests.consume_handlers.flaky at tests/consume_handlers.py:")
    assert "first attempt" not in json.dumps(failed)  # the exception's message may hold event data


def test_a_retry_after_a_partial_failure_runs_only_the_failed_handler(consumers, record) -> None:
    copy = envelope(event("partial"))
    event_id = copy["message"]["attributes"]["ce-id"]
    assert push(consumers[0], copy).status_code == 500
    assert push(consumers[0], copy).status_code == 200
    assert (record.count(event_id, "partial_ok"), record.count(event_id, "partial_flaky")) == (1, 2)
    writes = [x.get("writes") for x in log_lines(consumers[0], event_id)]
    assert writes == [2, 2]  # claim and failed; takeover and done


def test_a_message_no_handler_matches_is_acked_without_a_write(consumers, record) -> None:
    copy = envelope(event("nobody-listens"))
    event_id = copy["message"]["attributes"]["ce-id"]
    response = push(consumers[1], copy)
    assert (response.status_code, response.text) == (200, "unmatched")
    [line] = log_lines(consumers[1], event_id)
    assert "writes" not in line and record.count(event_id) == 0


def test_a_foreign_message_without_attributes_is_well_formed_and_acked(consumers) -> None:
    message_id = uuid.uuid4().hex
    response = push(consumers[1], envelope({}, b"raw bytes", message_id))
    assert (response.status_code, response.text) == (200, "unmatched")


def test_firestore_unreachable_is_503_and_nothing_runs(server_factory, consumers, record) -> None:
    unreachable = server_factory(
        "consume",
        {
            "FIRESTORE_EMULATOR_HOST": f"127.0.0.1:{free_port()}",
            **HANDLERS,
            "CONSUME_TEST_RECORD": str(record.path),
        },
        name="consume-no-firestore",
    )
    copy = envelope(event("once"))
    event_id = copy["message"]["attributes"]["ce-id"]
    started = time.monotonic()
    response = push(unreachable, copy)
    assert response.status_code == 503 and response.headers["Retry-After"] == "10"
    assert time.monotonic() - started < 8  # inside Pub/Sub's 10 s push deadline
    assert record.count(event_id) == 0
    [line] = log_lines(unreachable, event_id)
    assert (line["outcome"], line["reason"]) == ("unavailable", "firestore_unavailable")
    # Not acknowledged, so Pub/Sub pushes it again: an instance that reaches Firestore runs it.
    assert push(consumers[0], copy).status_code == 200
    assert record.count(event_id) == 1


def _other_key():
    return signing_certificate("not-google")[0]


HOSTILE = {
    "no_token": ({"Authorization": ""}, None, 401),
    "not_bearer": ({"Authorization": "Basic dXNlcjpwYXNz"}, None, 401),
    "forged_token": ({"Authorization": f"Bearer {token(key=_other_key())}"}, None, 401),
    "wrong_caller": ({"Authorization": f"Bearer {token({'email': 'someone@evil.example'})}"}, None, 401),
    "wrong_audience": ({"Authorization": f"Bearer {token({'aud': 'https://elsewhere.example'})}"}, None, 401),
    "not_json": ({}, b"\xff\xfenot json", 400),
    "deep_json": ({}, b"[" * 100_000, 400),
    "no_message": ({}, {"subscription": "s"}, 400),
    "message_not_object": ({}, {"message": "x"}, 400),
    "data_not_base64": ({}, {"message": {"data": "%%%", "messageId": "1", "attributes": {"a": "b"}}}, 400),
    "attributes_not_strings": ({}, {"message": {"data": "", "messageId": "1", "attributes": {"a": 1}}}, 400),
    "no_message_id": ({}, {"message": {"data": "eA==", "attributes": event("once")}}, 400),
    "neither_data_nor_attributes": ({}, {"message": {"messageId": "1"}}, 400),
    "huge_attribute_value": ({}, envelope({**event("once"), "x": "v" * 1025}), 400),
    "huge_attribute_key": ({}, envelope({**event("once"), "k" * 257: "v"}), 400),
    "too_many_attributes": ({}, envelope({**event("once"), **{f"a{i}": "v" for i in range(100)}}), 400),
}


@pytest.mark.parametrize("case", sorted(HOSTILE), ids=str)
def test_hostile_pushes_are_refused_clearly_and_run_nothing(consumers, record, case: str) -> None:
    headers, document, status = HOSTILE[case]
    document = envelope(event("once")) if document is None else document
    message = document.get("message") if isinstance(document, dict) else None
    event_id = message.get("attributes", {}).get("ce-id") if isinstance(message, dict) else None
    before = len(consumers[1].log_lines())
    response = push(consumers[1], document, headers)
    assert response.status_code == status, response.text
    assert len(response.content) <= 64
    new = consumers[1].log_lines()[before:]
    assert new and not any("Traceback" in line for line in new)
    assert json.loads(new[-1])["outcome"] == "rejected"
    if event_id:
        assert record.count(event_id) == 0


def test_wrong_method_and_oversize_push(consumers) -> None:
    response = requests.get(consumers[1].url + "/", timeout=10)
    assert response.status_code == 405 and response.headers["Allow"] == "POST"
    host, port = consumers[1].url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.putrequest("POST", "/")
    for name, value in {"Content-Type": "application/json", "Content-Length": "20000000"}.items():
        connection.putheader(name, value)
    connection.putheader("Authorization", f"Bearer {token()}")
    connection.endheaders(b"{}")  # declared 20 MB, never sent: answered from the header alone
    answer = connection.getresponse()
    assert (answer.status, answer.getheader("Connection")) == (413, "close")
    connection.close()


def test_a_handler_that_always_raises_ends_in_the_dead_letter_subscription(poison, consumers, publisher_client, record):
    """Five attempts (Pub/Sub's smallest maximum), then the message as published, in `<topic>-dead`."""
    dead, attributes = poison
    pubsub = publisher_client[1]

    def dead_letters():
        response = pubsub.pull(
            request={"subscription": dead, "max_messages": 10, "return_immediately": True}, timeout=5
        )
        return list(response.received_messages)

    received = wait_for(dead_letters, 40)
    assert len(received) == 1
    message = received[0].message
    assert message.data == b'{"poison": true}'
    kept = {k: v for k, v in message.attributes.items() if not k.startswith("CloudPubSubDeadLetter")}
    assert kept == attributes
    assert record.count(attributes["ce-id"], "always") == 5
    assert [x["status"] for x in log_lines(consumers[0], attributes["ce-id"])] == [500] * 5
