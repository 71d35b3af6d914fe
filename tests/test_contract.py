"""The contract's HTTP table × every provider, end to end: real server, real emulator."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

from functions import PROVIDERS
from shared.schemes import BodyTimestamp
from tests.signers import SAMPLES, Exchange, flip

Build = Callable[[int], "tuple[bytes, dict[str, str]]"]
"""(unix time) → the request body and headers, signed when the test runs, not when collected:
Paddle's tolerance is 5 s and Linear's 60 s."""


@dataclass(frozen=True)
class Case:
    provider: str
    name: str
    build: Build
    status: int
    published: bool = False
    method: str = "POST"
    query: str = ""
    answer: bytes | None = None
    response_headers: dict[str, str] = field(default_factory=dict)
    attributes: dict[str, str] | None = None  # None: the sample's
    data: bytes | None = None  # what the message's data must be, where not the body nor the sample's

    def __str__(self) -> str:
        return f"{self.provider}-{self.name}"


def signed(provider: str, body: bytes, now: int | None = None) -> dict[str, str]:
    sample = SAMPLES[provider]
    return {
        "Content-Type": sample.content_type,
        **sample.headers,
        **sample.sign(body, int(time.time()) if now is None else now),
    }


def tolerance(provider: str) -> float | None:
    """The declared freshness window, where the scheme checks a signed timestamp."""
    declared = PROVIDERS[provider].verify
    # Either(...): the first scheme that checks a timestamp (Buildkite's signature beside its plain token).
    for verify in getattr(declared, "schemes", (declared,)):
        timed = getattr(verify, "timestamp", None) or "{timestamp}" in str(getattr(verify, "signed", ""))
        if timed or isinstance(verify, BodyTimestamp):
            return verify.tolerance
    return None


def handshakes(provider: str, name: str = "handshake") -> list[Case]:
    """Each documented handshake (or near miss): exactly the expected answer, nothing published."""
    result = []
    exchanges = SAMPLES[provider].exchanges if name == "handshake" else SAMPLES[provider].rejects
    for number, exchange in enumerate(exchanges):

        def build(now: int, exchange: Exchange = exchange) -> tuple[bytes, dict[str, str]]:
            headers = signed(provider, exchange.body, now) if exchange.signed else {}
            return exchange.body, {**headers, **exchange.headers}

        result.append(
            Case(
                provider,
                f"{name}{number}",
                build,
                exchange.status,
                method=exchange.method,
                query=exchange.query,
                answer=exchange.answer,
                response_headers=exchange.answer_headers,
            )
        )
    return result


def cases(provider: str) -> list[Case]:
    sample = SAMPLES[provider]
    query, header = sample.query, sample.signature_header
    status, answer = sample.ack

    def good(now: int) -> tuple[bytes, dict[str, str]]:
        body = sample.body_at(now)
        return body, signed(provider, body, now)

    def unsigned(now: int) -> tuple[bytes, dict[str, str]]:
        body, headers = good(now)
        return body, {k: v for k, v in headers.items() if k != header}

    def tampered_signature(now: int) -> tuple[bytes, dict[str, str]]:
        body, headers = good(now)
        return body, {**headers, header: flip(headers[header])}

    def tampered_body(now: int) -> tuple[bytes, dict[str, str]]:
        body, headers = good(now)
        return body + b" ", headers

    def stale(now: int) -> tuple[bytes, dict[str, str]]:
        return good(now - int(tolerance(provider) or 0) - 1)

    def bad_json(now: int) -> tuple[bytes, dict[str, str]]:
        garbage = b'{"id": "not json'
        return garbage, signed(provider, garbage, now)

    def forged(forge: Callable[[int], bytes]) -> Build:
        return lambda now: (forge(now), signed(provider, forge(now), now))

    result = [
        Case(provider, "valid", good, status, True, query=query, answer=answer, response_headers=sample.ack_headers),
        Case(provider, "wrong_method", good, 405, method="PUT", query=query),
    ]
    if header is not None:
        result.append(Case(provider, "unsigned", unsigned, 401, query=query))
        result.append(Case(provider, "tampered_signature", tampered_signature, 401, query=query))
    if sample.signs_body:
        result.append(Case(provider, "tampered_body", tampered_body, 401, query=query))
    if tolerance(provider) is not None:
        result.append(Case(provider, "stale", stale, 401, query=query))
    if sample.json:
        result.append(Case(provider, "bad_json", bad_json, 400, query=query))
    for number, forge in enumerate(sample.forgeries):
        result.append(Case(provider, f"forged{number}", forged(forge), 401, query=query))
    return result + variants(provider) + handshakes(provider) + handshakes(provider, "reject")


def variants(provider: str) -> list[Case]:
    """More valid deliveries of other kinds: each published once, with its own answer."""
    result = []
    for number, variant in enumerate(SAMPLES[provider].variants):

        def build(now: int, variant: Exchange = variant) -> tuple[bytes, dict[str, str]]:
            return variant.body, {**signed(provider, variant.body, now), **variant.headers}

        result.append(
            Case(
                provider,
                f"variant{number}",
                build,
                variant.status,
                True,
                method=variant.method,
                query=variant.query,
                answer=variant.answer,
                response_headers=variant.answer_headers,
                attributes=variant.attributes,
                data=variant.data,
            )
        )
    return result


ALL = [case for provider in PROVIDERS for case in cases(provider)]


@pytest.mark.parametrize("case", ALL, ids=str)
def test_contract(server, topic, case: Case) -> None:
    subscription = topic(case.provider)
    path = f"/{case.provider}?{case.query}" if case.query else f"/{case.provider}"
    body, headers = case.build(int(time.time()))
    response = server.post(path, body, headers, method=case.method)
    assert response.status_code == case.status, response.text
    if case.answer is not None:
        assert response.content == case.answer
    for name, value in case.response_headers.items():
        assert response.headers.get(name) == value, name
    assert len(response.content) <= 64 or response.ok
    messages = subscription.pull(expect=1 if case.published else 0)
    if not case.published:
        assert messages == []
        return
    assert len(messages) == 1
    message = messages[0]
    sample = SAMPLES[case.provider]
    assert message.data == (case.data if case.data is not None else body if sample.data is None else sample.data)
    attributes = dict(message.attributes)
    assert attributes["ce-specversion"] == "1.0"
    assert attributes["provider"] == case.provider
    assert attributes["content-type"] == sample.attributes.get("content-type", headers["Content-Type"])
    assert attributes["ce-id"] == attributes["delivery_id"]
    for key, value in (sample.attributes if case.attributes is None else case.attributes).items():
        assert attributes[key] == value, key


@pytest.mark.parametrize("provider", sorted(PROVIDERS))
def test_wrong_method_names_allowed(server, provider: str) -> None:
    response = server.post(f"/{provider}", b"", {}, method="DELETE")
    assert response.status_code == 405
    assert "POST" in response.headers["Allow"]


@dataclass
class RawAnswer:
    data: bytes
    first_byte: float  # seconds from the end of sending to the first byte of the answer
    closed: float  # seconds from the end of sending to the server closing the connection


def raw_request(url: str, head: bytes, body_parts: list[bytes], read_seconds: float = 10.0) -> RawAnswer:
    """Send a request by hand and read what comes back before the client would give up."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=read_seconds) as sock:
        sock.sendall(head)
        try:
            for part in body_parts:
                sock.sendall(part)
        except OSError:
            pass  # the server may close as soon as it has answered
        data = b""
        started = time.monotonic()
        first_byte = closed = float("inf")
        while time.monotonic() - started < read_seconds:
            try:
                chunk = sock.recv(65536)
            except TimeoutError:
                break
            except ConnectionResetError:
                # The server closed with upload bytes it never read: the kernel ends the
                # connection with a reset instead of a FIN. Ended all the same.
                chunk = b""
            if not chunk:
                closed = time.monotonic() - started
                break
            if not data:
                first_byte = time.monotonic() - started
            data += chunk
        return RawAnswer(data, first_byte, closed)


def oversize_head(provider: str) -> bytes:
    return (
        f"POST /{provider} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 11000000\r\n\r\n"
    ).encode()


@pytest.mark.parametrize("provider", sorted(PROVIDERS))
def test_declared_oversize_is_413_without_reading(server, topic, provider: str) -> None:
    """An 11 MB Content-Length is refused at once, the body unsent, whatever the provider."""
    subscription = topic(provider)
    host, port = server.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(oversize_head(provider) + b"{")
        started = time.monotonic()
        first = sock.recv(100)
        elapsed = time.monotonic() - started
    assert first.startswith(b"HTTP/1.1 413"), first
    assert elapsed < 1.0
    assert subscription.pull() == []


def test_oversize_connection_is_closed(server) -> None:
    """The 413 is streamed so functions-framework does not drain the body; gunicorn then
    drains for at most its 5 s data timeout and closes (the pipeline is the same for all)."""
    answer = raw_request(server.url, oversize_head("github"), [b"{"], read_seconds=15)
    assert answer.data.startswith(b"HTTP/1.1 413"), answer.data[:100]
    assert answer.first_byte < 1.0
    assert answer.closed < 8.0


def test_chunked_oversize_is_cut_off(server, topic) -> None:
    """A chunked body with no length is read only up to MAX_BODY_BYTES (1 MB in the test server)."""
    subscription = topic("generic")
    head = (
        b"POST /generic HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
        b"X-Webhook-Secret: " + SAMPLES["generic"].secret.encode() + b"\r\n\r\n"
    )
    chunk = b"%x\r\n" % 65536 + b"a" * 65536 + b"\r\n"
    answer = raw_request(server.url, head, [chunk] * 40 + [b"0\r\n\r\n"], read_seconds=15)
    assert answer.data.startswith(b"HTTP/1.1 413"), answer.data[:100]
    assert answer.closed < 8.0
    assert subscription.pull() == []


def test_chunked_within_bound_is_published(server, topic) -> None:
    subscription = topic("generic")
    head = (
        b"POST /generic HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n"
        b"X-Webhook-Secret: " + SAMPLES["generic"].secret.encode() + b"\r\n\r\n"
    )
    answer = raw_request(server.url, head, [b"5\r\nhello\r\n", b"0\r\n\r\n"], read_seconds=10)
    assert answer.data.startswith(b"HTTP/1.1 200"), answer.data[:100]
    assert [m.data for m in subscription.pull(expect=1)] == [b"hello"]


def test_unknown_provider_is_404(server) -> None:
    assert server.post("/nobody", b"{}", {}).status_code == 404


@pytest.fixture(scope="module")
def unconfigured(emulator, server_factory):
    return server_factory("webhooks", {"PUBSUB_EMULATOR_HOST": emulator.host}, name="unconfigured")


@pytest.mark.parametrize("provider", sorted(PROVIDERS))
def test_missing_configuration_is_503(unconfigured, topic, provider: str) -> None:
    subscription = topic(provider)
    now = int(time.time())
    body, query = SAMPLES[provider].body_at(now), SAMPLES[provider].query
    response = unconfigured.post(f"/{provider}?{query}", body, signed(provider, body, now))
    assert response.status_code == 503
    assert subscription.pull() == []
    assert f"{provider.upper()}_{PROVIDERS[provider].secret}" in unconfigured.log_lines()[-1]


@pytest.fixture(scope="module")
def no_pubsub(server_factory, google_certs):
    """A server whose Pub/Sub emulator address answers nothing."""
    from tests.conftest import free_port, signers

    return server_factory(
        "webhooks",
        {"PUBSUB_EMULATOR_HOST": f"127.0.0.1:{free_port()}", **signers.environment(google_certs.url)},
        name="no-pubsub",
    )


@pytest.mark.parametrize("provider", sorted(PROVIDERS))
def test_pubsub_unavailable_is_503_within_deadline(no_pubsub, provider: str) -> None:
    now = int(time.time())
    body, query = SAMPLES[provider].body_at(now), SAMPLES[provider].query
    started = time.monotonic()
    response = no_pubsub.post(f"/{provider}?{query}", body, signed(provider, body, now))
    elapsed = time.monotonic() - started
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "10"
    assert elapsed < PROVIDERS[provider].timeout
