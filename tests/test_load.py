"""Load: a few hundred deliveries across every provider through `webhooks`, 80 at a time.

scripts/load.py runs the same with 10,000. Its own topic (PUBSUB_TOPIC) on the session's
emulator, so the count is not disturbed by the tests running beside it.
"""

from __future__ import annotations

import uuid
from collections import Counter

from functions import PROVIDERS
from tests import signers
from tests.conftest import Topic, start_server, stop
from tests.signers import SAMPLES
from tests.traffic import load

ROUNDS = 5  # deliveries per provider
CONNECTIONS = 80


def test_load_loses_nothing(emulator, publisher_client, google_certs) -> None:
    name = f"load-{uuid.uuid4().hex[:8]}"
    topic = Topic(publisher_client, name)
    server = start_server(
        "webhooks",
        {
            "PUBSUB_EMULATOR_HOST": emulator.host,
            "PUBSUB_TOPIC": f"webhooks-{name}",
            **signers.environment(google_certs.url),
        },
        name="load",
    )
    try:
        attempts = load(server.url, sorted(PROVIDERS) * ROUNDS, CONNECTIONS)
    finally:
        stop(server.process)
    wrong = Counter((a.provider, a.status) for a in attempts if a.status != SAMPLES[a.provider].ack[0])
    assert wrong == Counter()
    sent = Counter(a.provider for a in attempts)
    assert sum(sent.values()) == len(PROVIDERS) * ROUNDS
    messages = topic.pull(expect=len(attempts), wait=20)
    messages += topic.pull()  # and no duplicate behind them
    topic.close()
    assert Counter(m.attributes["provider"] for m in messages) == sent
