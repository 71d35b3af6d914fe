"""Oversize deliveries: a 413 that closes the connection, nothing published, and one
ERROR line an alert can match (`outcome` `oversize`), naming the provider, the declared
size and the delivery id the headers carry; never the body.

Both ways a body arrives: a declared Content-Length (refused before reading) and a
chunked body (cut off one byte past the bound).
"""

from __future__ import annotations

import json
import socket
import time
import uuid

import pytest

from functions import PROVIDERS
from tests import signers
from tests.signers import SAMPLES

BOUND = 1_000_000


@pytest.fixture(scope="module")
def bounded(emulator, server_factory, google_certs):
    """`webhooks` with MAX_BODY_BYTES at 1 MB, its log read by these tests only."""
    env = {"PUBSUB_EMULATOR_HOST": emulator.host, "MAX_BODY_BYTES": str(BOUND)}
    return server_factory("webhooks", {**env, **signers.environment(google_certs.url)}, name="oversize")


def first_answer(url: str, head: bytes, parts: list[bytes]) -> tuple[bytes, float]:
    """Send a request by hand; the answer's head, and seconds from the end of sending to it."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(head)
        try:
            for part in parts:
                sock.sendall(part)
        except OSError:
            pass  # the server may answer and close before all of it is sent
        started = time.monotonic()
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
        return data, time.monotonic() - started


def request_head(provider: str, headers: dict[str, str], framing: str) -> bytes:
    sample = SAMPLES[provider]
    path = f"/{provider}?{sample.query}" if sample.query else f"/{provider}"
    lines = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1", framing, *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def chunked(body: bytes, size: int = 65536) -> list[bytes]:
    return [b"%x\r\n" % len(body[i : i + size]) + body[i : i + size] + b"\r\n" for i in range(0, len(body), size)] + [
        b"0\r\n\r\n"
    ]


def expected(provider: str, headers: dict[str, str], name: str) -> str | None:
    """The sample's delivery id or event type, where the headers sent carry it."""
    value = SAMPLES[provider].attributes.get(name)
    return value if value in headers.values() else None


def oversize_line(server, canary: bytes) -> dict:
    text = "\n".join(server.log_lines())
    assert canary.decode() not in text
    return json.loads(server.log_lines()[-1])


# The bound is the pipeline's, the same for all; what differs by provider is where its
# delivery id lives, which the declared case checks for every one.
CASES = [(provider, "declared") for provider in sorted(PROVIDERS)] + [
    (provider, "chunked") for provider in ("github", "stripe", "twilio")
]


@pytest.mark.parametrize(("provider", "framing"), CASES, ids=[f"{p}-{f}" for p, f in CASES])
def test_oversize_is_413_logged_and_never_published(bounded, topic, provider: str, framing: str) -> None:
    subscription = topic(provider)
    canary = f"canary-{uuid.uuid4().hex}".encode()
    body = (canary * (BOUND // len(canary) + 1))[: BOUND + 1]
    sample = SAMPLES[provider]
    headers = {"Content-Type": sample.content_type, **sample.headers, **sample.sign(body, int(time.time()))}
    if framing == "declared":
        # Only a little of the body is sent: the answer must not wait for the rest.
        head, parts = request_head(provider, headers, f"Content-Length: {len(body)}"), [body[:1000]]
    else:
        head, parts = request_head(provider, headers, "Transfer-Encoding: chunked"), chunked(body)
    answer, seconds = first_answer(bounded.url, head, parts)

    assert answer.startswith(b"HTTP/1.1 413 "), answer[:100]
    assert seconds < 2.0
    line = oversize_line(bounded, canary)
    assert line["severity"] == "ERROR"
    assert (line["outcome"], line["reason"], line["status"]) == ("oversize", "too_large", 413)
    assert line["message"] == f"{provider} 413 oversize too_large"
    assert line["provider"] == provider
    assert line["max_body_bytes"] == BOUND
    assert line.get("declared_bytes") == (BOUND + 1 if framing == "declared" else None)
    assert line.get("delivery_id") == expected(provider, headers, "delivery_id")
    # The event type is logged where the provider reads it from a header; Linear, for one,
    # sends `Linear-Event` but is read from the body's `type`, which was never read.
    assert line.get("event_type") in {None, expected(provider, headers, "event_type")}
    assert subscription.pull() == []


@pytest.mark.parametrize("framing", ["declared", "chunked"])
def test_body_at_the_bound_is_published(bounded, topic, framing: str) -> None:
    subscription = topic("shopify")
    body = json.dumps({"note": "x" * BOUND})[: BOUND - 1].encode() + b"}"
    headers = {"Content-Type": "application/json", **SAMPLES["shopify"].headers, **SAMPLES["shopify"].sign(body, 0)}
    headers["Connection"] = "close"
    if framing == "declared":
        head, parts = request_head("shopify", headers, f"Content-Length: {len(body)}"), [body]
    else:
        head, parts = request_head("shopify", headers, "Transfer-Encoding: chunked"), chunked(body)
    answer, _ = first_answer(bounded.url, head, parts)
    assert answer.startswith(b"HTTP/1.1 200 "), answer[:100]
    assert [m.data for m in subscription.pull(expect=1)] == [body]


@pytest.fixture(scope="module")
def default_bound(emulator, server_factory):
    """`webhooks` with MAX_BODY_BYTES unset: the default, just under Pub/Sub's 10 MB request."""
    return server_factory("webhooks", {"PUBSUB_EMULATOR_HOST": emulator.host, **signers.environment()}, name="default")


@pytest.fixture(scope="module")
def above_pubsub(emulator, server_factory):
    """`webhooks` with MAX_BODY_BYTES set above what Pub/Sub takes (a misconfiguration)."""
    env = {"PUBSUB_EMULATOR_HOST": emulator.host, "MAX_BODY_BYTES": "20000000", **signers.environment()}
    return server_factory("webhooks", env, name="above-pubsub")


def shopify_body(size: int) -> tuple[bytes, dict[str, str]]:
    body = json.dumps({"note": "x" * size})[: size - 1].encode() + b"}"
    sample = SAMPLES["shopify"]
    return body, {"Content-Type": "application/json", **sample.headers, **sample.sign(body, 0)}


def test_default_bound_fits_pubsub(default_bound, emulator, publisher_client) -> None:
    """A body of exactly the default bound, with Shopify's seven attributes, is published."""
    import grpc
    from google.cloud import pubsub_v1
    from google.pubsub_v1.services.subscriber.transports import SubscriberGrpcTransport

    from shared.limits import DEFAULT_MAX_BODY_BYTES
    from tests.conftest import Topic

    # gRPC clients receive at most 4 MiB unless told otherwise.
    channel = grpc.insecure_channel(emulator.host, options=[("grpc.max_receive_message_length", -1)])
    subscriber = pubsub_v1.SubscriberClient(transport=SubscriberGrpcTransport(channel=channel))
    subscription = Topic((publisher_client[0], subscriber), "shopify")
    body, headers = shopify_body(DEFAULT_MAX_BODY_BYTES)
    response = default_bound.post("/shopify", body, headers)
    assert response.status_code == 200, response.text
    assert [m.data for m in subscription.pull(expect=1, wait=10)] == [body]
    subscription.close()
    answer, _ = first_answer(
        default_bound.url,
        request_head("shopify", headers, f"Content-Length: {DEFAULT_MAX_BODY_BYTES + 1}"),
        [body[:1000]],
    )
    assert answer.startswith(b"HTTP/1.1 413 "), answer[:100]


def test_bound_above_pubsub_is_413_not_503(above_pubsub, topic) -> None:
    """Were MAX_BODY_BYTES set above Pub/Sub's limit, the client's refusal is a 413 too: a 503
    would have the provider retry a delivery that can never be published."""
    subscription = topic("shopify")
    body, headers = shopify_body(10_000_001)
    response = above_pubsub.post("/shopify", body, headers)
    assert response.status_code == 413
    line = json.loads(above_pubsub.log_lines()[-1])
    assert (line["outcome"], line["reason"], line["severity"]) == ("oversize", "too_large_for_pubsub", "ERROR")
    assert line["delivery_id"] == SAMPLES["shopify"].attributes["delivery_id"]
    assert line["declared_bytes"] == len(body) == line["body_bytes"]
    assert subscription.pull() == []
