"""Load: 10,000 deliveries across every provider through `webhooks`, 80 connections; count what is lost.

    .venv/bin/python scripts/load.py [--deliveries 10000] [--connections 80]

Starts its own Pub/Sub emulator, a functions-framework process serving `webhooks`
(all providers publishing to one topic, PUBSUB_TOPIC) and a subscription made before
the first delivery. Each delivery is a provider's sample signed as its SDK signs it
(tests/samples), round-robin over the providers. Prints the answers by status, the
messages found in the topic per provider, what was lost (2xx without its message) and
duplicated, and exits 1 on any loss, duplicate or answer other than the provider's ack.
Needs gcloud with the Pub/Sub emulator, and Java.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import uuid
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from functions import PROVIDERS  # noqa: E402
from tests import signers  # noqa: E402
from tests.conftest import (  # noqa: E402
    PROJECT,
    Topic,
    free_port,
    serve_google_certs,
    start_emulator,
    start_server,
    stop,
    wait_for_port,
)
from tests.signers import SAMPLES  # noqa: E402
from tests.traffic import load  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deliveries", type=int, default=10_000)
    parser.add_argument("--connections", type=int, default=80)
    args = parser.parse_args()

    port = free_port()
    emulator = start_emulator(port)
    server = None
    try:
        wait_for_port(port, emulator, 90)
        os.environ["PUBSUB_EMULATOR_HOST"] = f"127.0.0.1:{port}"
        from google.cloud import pubsub_v1

        name = f"load-{uuid.uuid4().hex[:8]}"
        topic = Topic((pubsub_v1.PublisherClient(), pubsub_v1.SubscriberClient()), name)
        with serve_google_certs() as certs:
            server = start_server(
                "webhooks",
                {
                    "GOOGLE_CLOUD_PROJECT": PROJECT,
                    "PUBSUB_EMULATOR_HOST": f"127.0.0.1:{port}",
                    "PUBSUB_TOPIC": f"webhooks-{name}",
                    **signers.environment(certs.url),
                },
                name="load",
            )
            providers = sorted(PROVIDERS)
            plan = [providers[n % len(providers)] for n in range(args.deliveries)]
            started = time.monotonic()
            attempts = load(server.url, plan, args.connections)
            elapsed = time.monotonic() - started
        acked = Counter(a.provider for a in attempts if a.status == SAMPLES[a.provider].ack[0])
        messages = topic.pull(expect=sum(acked.values()), wait=120)
        messages += topic.pull()
        found = Counter(m.attributes["provider"] for m in messages)
    finally:
        if server is not None:
            stop(server.process)
        stop(emulator)

    statuses = Counter("timeout" if a.status is None else a.status for a in attempts)
    lost = {p: acked[p] - found[p] for p in providers if acked[p] > found[p]}
    duplicated = {p: found[p] - acked[p] for p in providers if found[p] > acked[p]}
    wrong = Counter((a.provider, a.status) for a in attempts if a.status != SAMPLES[a.provider].ack[0])
    latencies = sorted(a.seconds * 1000 for a in attempts)
    print(
        f"deliveries {len(attempts)} over {args.connections} connections to {len(providers)} providers "
        f"in {elapsed:.1f} s ({len(attempts) / elapsed:.0f}/s)"
    )
    print("answers " + ", ".join(f"{status}: {count}" for status, count in sorted(statuses.items(), key=str)))
    print(f"5xx {sum(c for s, c in statuses.items() if isinstance(s, int) and s >= 500)}")
    print(f"acknowledged {sum(acked.values())}, in the topic {sum(found.values())}")
    print(f"lost {sum(lost.values())} {lost or ''}".rstrip())
    print(f"duplicated {sum(duplicated.values())} {duplicated or ''}".rstrip())
    print(f"not the provider's ack {sum(wrong.values())} {dict(wrong) or ''}".rstrip())
    print(
        f"latency ms p50 {statistics.median(latencies):.0f} "
        f"p99 {latencies[int(len(latencies) * 0.99) - 1]:.0f} max {latencies[-1]:.0f}"
    )
    return 1 if lost or duplicated or wrong else 0


if __name__ == "__main__":
    sys.exit(main())
