"""The contract's HTTP table × every provider, end to end: real server, real emulator."""

from __future__ import annotations

import socket
import time
from dataclasses import dataclass, field

import pytest

from functions import PROVIDERS
from shared.schemes import Ed25519, Hmac
from tests.signers import SAMPLES, flip


@dataclass(frozen=True)
class Case:
    provider: str
    name: str
    body: bytes
    headers: dict[str, str]
    status: int
    published: bool = False
    method: str = "POST"
    query: str = ""
    answer: bytes | None = None
    response_headers: dict[str, str] = field(default_factory=dict)
    attributes: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.provider}-{self.name}"


def signed(provider: str, body: bytes, now: int | None = None) -> dict[str, str]:
    sample = SAMPLES[provider]
    return {
        "Content-Type": sample.content_type,
        **sample.headers,
        **sample.sign(body, int(time.time()) if now is None else now),
    }


def has_timestamp(provider: str) -> bool:
    verify = PROVIDERS[provider].verify
    if isinstance(verify, Ed25519):
        return verify.timestamp is not None
    return isinstance(verify, Hmac) and (verify.timestamp is not None or "{timestamp}" in verify.signed)


def handshakes(provider: str, name: str = "handshake") -> list[Case]:
    """Each documented handshake (or near miss): exactly the expected answer, nothing published."""
    result = []
    exchanges = SAMPLES[provider].exchanges if name == "handshake" else SAMPLES[provider].rejects
    for number, exchange in enumerate(exchanges):
        headers = signed(provider, exchange.body) if exchange.signed else {}
        result.append(
            Case(
                provider,
                f"{name}{number}",
                exchange.body,
                {**headers, **exchange.headers},
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
    body, query = sample.body, sample.query
    good = signed(provider, body)
    status, answer = sample.ack
    result = [
        Case(
            provider,
            "valid",
            body,
            good,
            status,
            True,
            query=query,
            answer=answer,
            response_headers=sample.ack_headers,
            attributes=sample.attributes,
        ),
        Case(provider, "wrong_method", body, good, 405, method="PUT", query=query),
    ]
    if sample.signature_header is not None:
        unsigned = {k: v for k, v in good.items() if k != sample.signature_header}
        tampered = {**good, sample.signature_header: flip(good[sample.signature_header])}
        result.append(Case(provider, "unsigned", body, unsigned, 401, query=query))
        result.append(Case(provider, "tampered_signature", body, tampered, 401, query=query))
    if sample.signs_body:
        result.append(Case(provider, "tampered_body", body + b" ", good, 401, query=query))
    if has_timestamp(provider):
        stale = signed(provider, body, int(time.time()) - int(PROVIDERS[provider].verify.tolerance) - 1)
        result.append(Case(provider, "stale", body, stale, 401, query=query))
    if sample.json:
        garbage = b'{"id": "not json'
        result.append(Case(provider, "bad_json", garbage, signed(provider, garbage), 400, query=query))
    return result + variants(provider) + handshakes(provider) + handshakes(provider, "reject")


def variants(provider: str) -> list[Case]:
    """More valid deliveries of other kinds: each published once, with its own answer."""
    sample = SAMPLES[provider]
    return [
        Case(
            provider,
            f"variant{number}",
            variant.body,
            {**signed(provider, variant.body), **variant.headers},
            variant.status,
            True,
            query=variant.query,
            answer=variant.answer,
            response_headers=variant.answer_headers,
            attributes=variant.attributes,
        )
        for number, variant in enumerate(sample.variants)
    ]


ALL = [case for provider in PROVIDERS for case in cases(provider)]


@pytest.mark.parametrize("case", ALL, ids=str)
def test_contract(server, topic, case: Case) -> None:
    subscription = topic(case.provider)
    path = f"/{case.provider}?{case.query}" if case.query else f"/{case.provider}"
    response = server.post(path, case.body, case.headers, method=case.method)
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
    assert message.data == case.body
    attributes = dict(message.attributes)
    assert attributes["ce-specversion"] == "1.0"
    assert attributes["provider"] == case.provider
    assert attributes["content-type"] == case.headers["Content-Type"]
    assert attributes["ce-id"] == attributes["delivery_id"]
    for key, value in case.attributes.items():
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
            except (TimeoutError, ConnectionResetError):
                break
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
    body, query = SAMPLES[provider].body, SAMPLES[provider].query
    response = unconfigured.post(f"/{provider}?{query}", body, signed(provider, body))
    assert response.status_code == 503
    assert subscription.pull() == []
    assert f"{provider.upper()}_{PROVIDERS[provider].secret}" in unconfigured.log_lines()[-1]


@pytest.fixture(scope="module")
def no_pubsub(server_factory):
    """A server whose Pub/Sub emulator address answers nothing."""
    from tests.conftest import free_port, signers

    return server_factory(
        "webhooks",
        {"PUBSUB_EMULATOR_HOST": f"127.0.0.1:{free_port()}", **signers.environment()},
        name="no-pubsub",
    )


@pytest.mark.parametrize("provider", sorted(PROVIDERS))
def test_pubsub_unavailable_is_503_within_deadline(no_pubsub, provider: str) -> None:
    body, query = SAMPLES[provider].body, SAMPLES[provider].query
    started = time.monotonic()
    response = no_pubsub.post(f"/{provider}?{query}", body, signed(provider, body))
    elapsed = time.monotonic() - started
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "10"
    assert elapsed < PROVIDERS[provider].timeout
