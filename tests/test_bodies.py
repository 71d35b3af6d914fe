"""Bodies past a Pub/Sub message (issue 14): stored in Cloud Storage, named in the message.

Real parts only: gcp-storage-emulator and the Pub/Sub emulator, functions-framework
processes spoken to over loopback. Each case asserts the answer, what is in the bucket
and what is in Pub/Sub.
"""

from __future__ import annotations

import hashlib
import json
import socket
import time
import uuid

import pytest

from shared import bodies
from shared.consume.event import Event
from shared.envelope import Pushed
from shared.limits import STORED_MAX_BODY_BYTES
from tests import signers
from tests.signers import GITHUB_DOCS, SAMPLES
from tests.test_contract import raw_request

LARGE = 25_000_000  # GitHub's largest push payload
GITHUB = SAMPLES["github"]


@pytest.fixture(scope="module")
def stored(emulator, storage_emulator, server_factory, google_certs):
    """`webhooks` with BODY_BUCKET set (MAX_BODY_BYTES left to its default)."""
    env = {
        "PUBSUB_EMULATOR_HOST": emulator.host,
        "STORAGE_EMULATOR_HOST": storage_emulator.host,
        "BODY_BUCKET": storage_emulator.bucket,
        **signers.environment(google_certs.url),
    }
    return server_factory("webhooks", env, name="bodies")


@pytest.fixture(scope="module")
def storage(storage_emulator):
    return bodies.client().bucket(storage_emulator.bucket)


def push(size: int, delivery: str) -> tuple[bytes, dict[str, str]]:
    """A GitHub push of `size` bytes, signed as GitHub's docs sign, with its own delivery id."""
    prefix, suffix = b'{"ref":"refs/heads/main","commits":[{"message":"', b'"}]}'
    body = prefix + b"x" * (size - len(prefix) - len(suffix)) + suffix
    headers = {
        "Content-Type": "application/json",
        **GITHUB.headers,
        "X-GitHub-Delivery": delivery,
        **GITHUB_DOCS(body, int(time.time())),
    }
    return body, headers


def head(path: str, headers: dict[str, str], framing: str) -> bytes:
    lines = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1", framing, *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def chunked(body: bytes, size: int = 1 << 20) -> list[bytes]:
    parts = [b"%x\r\n" % len(body[i : i + size]) + body[i : i + size] + b"\r\n" for i in range(0, len(body), size)]
    return [*parts, b"0\r\n\r\n"]


def objects(storage, delivery: str) -> list[str]:
    return [blob.name for blob in storage.client.list_blobs(storage, prefix="github/") if blob.name.endswith(delivery)]


def test_docs_signer_reproduces_githubs_vector() -> None:
    assert GITHUB_DOCS(GITHUB.body, 0) == GITHUB.sign(GITHUB.body, 0)


@pytest.mark.parametrize("framing", ["declared", "chunked"])
def test_large_push_is_stored_and_named_in_one_message(stored, storage, topic, framing: str) -> None:
    subscription = topic("github")
    delivery = str(uuid.uuid4())
    body, headers = push(LARGE, delivery)
    started = time.monotonic()
    if framing == "declared":
        response = stored.post("/github", body, headers)
        status = response.status_code
    else:
        answer = raw_request(stored.url, head("/github", headers, "Transfer-Encoding: chunked"), chunked(body))
        status = int(answer.data.split(b" ", 2)[1])
    assert status == 200
    assert time.monotonic() - started < 10  # GitHub's timeout
    [message] = subscription.pull(expect=1)
    assert message.data == b""
    attributes = dict(message.attributes)
    expected = {**GITHUB.attributes, "ce-id": delivery, "delivery_id": delivery}
    assert {k: attributes[k] for k in expected} == expected
    assert attributes["body-bytes"] == str(len(body))
    assert attributes["body-sha256"] == hashlib.sha256(body).hexdigest()
    day = time.strftime("%Y/%m/%d", time.gmtime())
    assert attributes["body-uri"] == f"gs://{storage.name}/github/{day}/{delivery}"
    # What a handler's Event.body reads (the consume side, contract section 7): the same bytes,
    # checked against the message's body-sha256.
    pushed = Pushed(
        data=message.data,
        attributes=attributes,
        message_id=message.message_id,
        subscription="test",
        publish_time=None,
        attempt=None,
    )
    assert Event.from_push(pushed).body == body
    blob = storage.get_blob(f"github/{day}/{delivery}")
    assert blob.content_type == "application/json"
    line = json.loads(next(line for line in reversed(stored.log_lines()) if delivery in line))
    assert (line["outcome"], line["body_uri"], line["body_bytes"]) == ("published", attributes["body-uri"], len(body))


def test_fetch_refuses_bytes_that_do_not_match(stored, storage, topic) -> None:
    subscription = topic("github")
    delivery = str(uuid.uuid4())
    body, headers = push(LARGE // 2, delivery)
    assert stored.post("/github", body, headers).status_code == 200
    [message] = subscription.pull(expect=1)
    with pytest.raises(bodies.BodyMismatch):
        bodies.fetch(message.attributes["body-uri"], hashlib.sha256(body + b" ").hexdigest())


def test_held_scheme_large_chunked_body_is_stored(stored, topic) -> None:
    """Netlify's JWT carries the body's hash and its facts are in the body: held, within the budget."""
    subscription = topic("netlify")
    sample = SAMPLES["netlify"]
    body = json.dumps({**json.loads(sample.body), "padding": "y" * 12_000_000}).encode()
    headers = {"Content-Type": "application/json", **sample.headers, **sample.sign(body, int(time.time()))}
    answer = raw_request(stored.url, head("/netlify", headers, "Transfer-Encoding: chunked"), chunked(body))
    assert answer.data.startswith(b"HTTP/1.1 200 "), answer.data[:100]
    [message] = subscription.pull(expect=1)
    assert message.data == b"" and message.attributes["event_type"] == "ready"
    assert bodies.fetch(message.attributes["body-uri"], message.attributes["body-sha256"]) == body


def test_bad_signature_on_large_body_is_401_and_stores_nothing(stored, storage, topic) -> None:
    subscription = topic("github")
    delivery = str(uuid.uuid4())
    body, headers = push(LARGE, delivery)
    headers["X-Hub-Signature-256"] = signers.flip(headers["X-Hub-Signature-256"])
    answer = raw_request(stored.url, head("/github", headers, f"Content-Length: {len(body)}"), [body])
    assert answer.data.startswith(b"HTTP/1.1 401 "), answer.data[:100]
    assert objects(storage, delivery) == []
    assert subscription.pull() == []


@pytest.mark.parametrize("framing", ["declared", "chunked"])
def test_over_32_mib_is_413_and_closed(stored, storage, topic, framing: str) -> None:
    subscription = topic("github")
    delivery = str(uuid.uuid4())
    body, headers = push(STORED_MAX_BODY_BYTES + 1, delivery)
    if framing == "declared":
        parts = [body[:1000]]  # refused on its Content-Length: the rest is never needed
        frame = f"Content-Length: {len(body)}"
    else:
        parts, frame = chunked(body), "Transfer-Encoding: chunked"
    answer = raw_request(stored.url, head("/github", headers, frame), parts, read_seconds=15)
    assert answer.data.startswith(b"HTTP/1.1 413 "), answer.data[:100]
    assert b"connection: close" in answer.data.lower()
    assert answer.closed < 10
    assert objects(storage, delivery) == []
    assert subscription.pull() == []


def blackhole() -> tuple[socket.socket, str]:
    """A storage endpoint that accepts connections and never answers (a stalled Cloud Storage)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    return listener, f"http://127.0.0.1:{listener.getsockname()[1]}"


@pytest.fixture(scope="module")
def stalled_storage():
    listener, url = blackhole()
    yield url
    listener.close()


@pytest.mark.parametrize("storage_state", ["unreachable", "stalled"])
def test_storage_down_is_503_in_the_deadline_and_nothing_published(
    emulator, server_factory, stalled_storage, topic, storage_state: str
) -> None:
    # Slack: an HMAC over `v0:{timestamp}:{body}`, and a 3 s timeout to answer within.
    subscription = topic("slack")
    host = f"http://127.0.0.1:{_closed_port()}" if storage_state == "unreachable" else stalled_storage
    env = {"PUBSUB_EMULATOR_HOST": emulator.host, "STORAGE_EMULATOR_HOST": host, "BODY_BUCKET": "b"}
    server = server_factory("slack", {**env, **signers.environment()}, name=f"bodies-{storage_state}")
    sample = SAMPLES["slack"]
    body = json.dumps({**json.loads(sample.body), "padding": "z" * 11_000_000}).encode()
    headers = {"Content-Type": sample.content_type, **sample.headers, **sample.sign(body, int(time.time()))}
    answer = raw_request(server.url, head("/", headers, f"Content-Length: {len(body)}"), [body], read_seconds=3.5)
    assert answer.data.startswith(b"HTTP/1.1 503 "), answer.data[:100]
    assert b"\r\nretry-after: " in answer.data.lower()
    assert answer.first_byte < 3.0
    line = json.loads(server.log_lines()[-1])
    assert line["latency_ms"] < 3000
    assert line["reason"] == {"unreachable": "storage_unavailable", "stalled": "storage_timeout"}[storage_state]
    assert subscription.pull() == []


def _closed_port() -> int:
    from tests.conftest import free_port

    return free_port()


@pytest.fixture(scope="module")
def one_at_a_time(emulator, storage_emulator, server_factory):
    """BODY_BUCKET, and a budget of one streamed body (two 2 MiB chunks) at a time."""
    env = {
        "PUBSUB_EMULATOR_HOST": emulator.host,
        "STORAGE_EMULATOR_HOST": storage_emulator.host,
        "BODY_BUCKET": storage_emulator.bucket,
        "BODY_MEMORY_BYTES": str(5 * 1024 * 1024),
        **signers.environment(),
    }
    return server_factory("webhooks", env, name="bodies-budget")


def test_disconnect_mid_upload_leaves_nothing(one_at_a_time, storage, topic) -> None:
    subscription = topic("github")
    delivery = str(uuid.uuid4())
    body, headers = push(LARGE, delivery)
    host, port = one_at_a_time.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port))) as sock:
        sock.sendall(head("/github", headers, f"Content-Length: {len(body)}") + body[: LARGE // 2])
        time.sleep(0.5)
    deadline = time.monotonic() + 5
    while not any('"outcome":"disconnected"' in line for line in one_at_a_time.log_lines()):
        assert time.monotonic() < deadline, "no log line for the disconnect"
        time.sleep(0.1)
    assert objects(storage, delivery) == []
    assert subscription.pull() == []
    # The budget it held is back: the next large delivery on this one-at-a-time instance is served.
    body, headers = push(LARGE, str(uuid.uuid4()))
    assert one_at_a_time.post("/github", body, headers).status_code == 200
    assert len(subscription.pull(expect=1)) == 1


def test_a_delivery_over_budget_waits_its_turn(one_at_a_time, topic) -> None:
    """Two 25 MB pushes at once on an instance whose budget holds one: the second waits, both served."""
    from concurrent.futures import ThreadPoolExecutor

    subscription = topic("github")
    pushes = [push(LARGE, str(uuid.uuid4())) for _ in range(2)]
    with ThreadPoolExecutor(2) as pool:
        statuses = list(pool.map(lambda p: one_at_a_time.post("/github", *p).status_code, pushes))
    assert statuses == [200, 200]
    assert len(subscription.pull(expect=2)) == 2


def test_over_budget_is_503_with_retry_after(one_at_a_time, topic) -> None:
    """A held body (Netlify: its facts are in it) needs more than this instance's budget now."""
    subscription = topic("netlify")
    sample = SAMPLES["netlify"]
    body = json.dumps({**json.loads(sample.body), "padding": "y" * 12_000_000}).encode()
    headers = {"Content-Type": "application/json", **sample.headers, **sample.sign(body, int(time.time()))}
    answer = raw_request(one_at_a_time.url, head("/netlify", headers, f"Content-Length: {len(body)}"), [body])
    assert answer.data.startswith(b"HTTP/1.1 503 "), answer.data[:100]
    assert b"\r\nretry-after: " in answer.data.lower()
    assert subscription.pull() == []
