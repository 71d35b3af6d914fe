"""Faults: Pub/Sub frozen or gone while deliveries keep coming from senders that retry.

Each test has its own emulator and functions-framework process, so freezing or
stopping it cannot disturb the tests running beside it (pytest-xdist).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from dataclasses import dataclass

import pytest
import requests

from functions import PROVIDERS
from tests import signers
from tests.conftest import Server, Topic, free_port, start_emulator, start_server, stop, wait_for_port
from tests.traffic import Attempt, Senders, collect, delivery, marked

# Timeouts of 3 s (Slack, Zoom), 5 s (Shopify) and 10 s (Stripe): a 6 s freeze outlasts
# the first three, and Stripe's 7 s publish deadline outlasts the freeze.
PROVIDERS_UNDER_FAULT = ("slack", "zoom", "shopify", "stripe")
FREEZE = 6.0
TOPIC = "faults"  # PUBSUB_TOPIC: every provider publishes to webhooks-faults


@dataclass
class Rig:
    """An emulator of the test's own, and `webhooks` publishing to it."""

    port: int
    emulator: subprocess.Popen
    server: Server | None

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.port}"

    def signal(self, number: int) -> None:
        os.killpg(self.emulator.pid, number)

    def stop_emulator(self) -> None:
        if self.emulator.poll() is None:
            self.signal(signal.SIGCONT)  # a stopped process would not see SIGTERM
        stop(self.emulator)

    def start_emulator(self) -> None:
        self.emulator = start_emulator(self.port)
        wait_for_port(self.port, self.emulator, 60)

    def topic(self) -> Topic:
        """webhooks-faults and a new subscription, through clients made for this emulator."""
        import grpc
        from google.cloud import pubsub_v1
        from google.pubsub_v1.services.publisher.transports import PublisherGrpcTransport
        from google.pubsub_v1.services.subscriber.transports import SubscriberGrpcTransport

        clients = (
            pubsub_v1.PublisherClient(transport=PublisherGrpcTransport(channel=grpc.insecure_channel(self.host))),
            pubsub_v1.SubscriberClient(transport=SubscriberGrpcTransport(channel=grpc.insecure_channel(self.host))),
        )
        return Topic(clients, TOPIC)


@pytest.fixture
def rig(emulator, google_certs):
    """`emulator` only for its check that gcloud and Java are there; this rig has its own."""
    port = free_port()
    rig = Rig(port=port, emulator=start_emulator(port), server=None)
    try:
        wait_for_port(port, rig.emulator, 60)
        rig.server = start_server(
            "webhooks",
            {
                "PUBSUB_EMULATOR_HOST": rig.host,
                "PUBSUB_TOPIC": f"webhooks-{TOPIC}",
                **signers.environment(google_certs.url),
            },
            name="faults",
        )
        yield rig
    finally:
        if rig.server is not None:
            stop(rig.server.process)
        rig.stop_emulator()


def all_published(topic: Topic, delivered: list[Attempt], seconds: float = 15.0) -> set[str]:
    """The marks found in the topic, pulled until every delivered one is there or time is up."""
    wanted = {attempt.mark for attempt in delivered}
    found: set[str] = set()

    def until(messages: list) -> bool:
        found.update(marked(message.data) for message in messages)
        return wanted <= found

    collect(topic.pull, until, seconds)
    return found


def probe_until_acknowledged(url: str, provider: str, seconds: float = 15.0) -> list[int]:
    """Statuses of one delivery sent every 0.2 s until acknowledged (not counted: its topic
    may have no subscription yet)."""
    statuses: list[int] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and statuses[-1:] != [200]:
        path, body, headers = delivery(provider, int(time.time()), mark="probe")
        statuses.append(requests.post(url + path, data=body, headers=headers, timeout=10).status_code)
        time.sleep(0.2)
    return statuses


def check_answers(senders: Senders) -> None:
    """Every answer a 2xx or a 503 sent within the provider's publish deadline; none given up."""
    assert senders.given_up == []
    assert {attempt.status for attempt in senders.attempts} <= {200, 503}, senders.statuses()
    for attempt in senders.attempts:
        # The deadline plus a margin for a loaded 2-core machine, and always inside the
        # provider's own timeout (the sender's, so an unanswered attempt has status None).
        assert attempt.seconds < PROVIDERS[attempt.provider].deadline + 1.0, attempt


def test_frozen_pubsub_loses_nothing_and_recovers(rig: Rig) -> None:
    topic = rig.topic()
    senders = Senders(rig.server.url, PROVIDERS_UNDER_FAULT, per_provider=2, pace=0.05).start()
    time.sleep(1.0)
    rig.signal(signal.SIGSTOP)
    frozen = time.monotonic()
    time.sleep(FREEZE)
    rig.signal(signal.SIGCONT)
    thawed = time.monotonic()
    time.sleep(2.5)
    senders.stop()

    check_answers(senders)
    during = [a for a in senders.attempts if frozen + 0.1 < a.started + a.seconds < thawed]
    for provider in PROVIDERS_UNDER_FAULT[:3]:
        # Their deadlines (2.1 s, 3.5 s) end inside the freeze: each answered 503 during it.
        assert any(a.provider == provider and a.status == 503 for a in during), provider
    for provider in PROVIDERS_UNDER_FAULT:
        # Recovered by itself: deliveries started after the thaw are acknowledged.
        assert any(a.provider == provider and a.ok and a.started > thawed + 1.0 for a in senders.attempts), provider
    delivered = senders.delivered()
    assert len({a.mark for a in delivered}) == len(delivered)
    found = all_published(topic, delivered)
    assert {a.mark for a in delivered} - found == set()


def test_pubsub_gone_then_back_without_restarting_the_function(rig: Rig) -> None:
    topic = rig.topic()
    senders = Senders(rig.server.url, PROVIDERS_UNDER_FAULT, per_provider=2, pace=0.05).start()
    time.sleep(1.0)
    # The emulator keeps messages in memory only: see everything acknowledged so far in
    # the topic before it goes (real Pub/Sub keeps them; the senders just wait a moment).
    senders.pause()
    before = senders.delivered()
    assert {a.mark for a in before} - all_published(topic, before) == set()
    rig.stop_emulator()
    gone = time.monotonic()
    senders.resume()
    time.sleep(3.0)
    senders.pause()
    during = [a for a in senders.attempts if a.started > gone]
    assert during and all(a.status == 503 for a in during), {a.status for a in during}
    for provider in PROVIDERS_UNDER_FAULT:
        assert any(a.provider == provider for a in during), provider
    # Back, empty. The function finds its topic missing and makes it again by itself
    # (against the emulator only; real Pub/Sub keeps its topics).
    rig.start_emulator()
    probes = probe_until_acknowledged(rig.server.url, "slack")
    assert probes[0] == 503 and probes[-1] == 200, probes
    assert any(json.loads(line).get("reason") == "topic_not_found" for line in rig.server.log_lines())
    topic = rig.topic()  # the function's topic, now with a subscription for the test
    back = time.monotonic()
    senders.resume()
    time.sleep(3.0)
    senders.stop()

    check_answers(senders)
    for provider in PROVIDERS_UNDER_FAULT:
        assert any(a.provider == provider and a.ok and a.started > back for a in senders.attempts), provider
    after = [a for a in senders.delivered() if a.started > back]
    assert {a.mark for a in after} - all_published(topic, after) == set()


def test_production_channel_reconnects_every_2_s_at_most(monkeypatch, tmp_path) -> None:
    """Against real Pub/Sub (no emulator) the client's own channel options are kept and the
    reconnection backoff is capped; scripts/outage.py measures what the cap buys."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from google.api_core import grpc_helpers

    from shared import publisher

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    account = {
        "type": "service_account",
        "project_id": "p",
        "private_key_id": "k",
        "private_key": key.decode(),
        "client_email": "wh@p.iam.gserviceaccount.com",
        "client_id": "1",
        "token_uri": "https://oauth2.googleapis.com/token",
    }
    (tmp_path / "key.json").write_text(json.dumps(account))
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(tmp_path / "key.json"))
    monkeypatch.delenv("PUBSUB_EMULATOR_HOST", raising=False)
    made: list[dict] = []
    create_channel = grpc_helpers.create_channel

    def recording(*args, **kwargs):
        made.append(kwargs)
        return create_channel(*args, **kwargs)

    monkeypatch.setattr(grpc_helpers, "create_channel", recording)
    transport = publisher._transport()
    assert transport._host == "pubsub.googleapis.com:443"
    [kwargs] = made
    options = dict(kwargs["options"])
    assert options["grpc.max_reconnect_backoff_ms"] == 2000
    assert options["grpc.max_send_message_length"] == -1  # the client's own, kept
    transport.close()
