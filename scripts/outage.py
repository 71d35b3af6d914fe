"""Outage: Pub/Sub gone for a while; how long after it is back until deliveries are acknowledged again.

    .venv/bin/python scripts/outage.py [--seconds 60] [--provider stripe]

Starts its own emulator and `webhooks`, has four senders deliver (retrying every 0.2 s, as
providers retry, faster), stops the emulator for `--seconds`, starts it again on the same
port with its topic, and prints the answers during the outage and the time from the
emulator being back to the first 2xx. tests/test_faults.py checks the same with a short
outage; this one is long enough for gRPC's reconnection backoff to matter.
Needs gcloud with the Pub/Sub emulator, and Java.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests import signers  # noqa: E402
from tests.conftest import PROJECT, free_port, start_emulator, start_server, stop, wait_for_port  # noqa: E402
from tests.traffic import Attempt, Senders  # noqa: E402

TOPIC = f"projects/{PROJECT}/topics/webhooks-outage"


def make_topic(host: str) -> None:
    import grpc
    from google.cloud import pubsub_v1
    from google.pubsub_v1.services.publisher.transports import PublisherGrpcTransport

    publisher = pubsub_v1.PublisherClient(transport=PublisherGrpcTransport(channel=grpc.insecure_channel(host)))
    publisher.create_topic(name=TOPIC)


def answered(attempt: Attempt) -> float:
    return attempt.started + attempt.seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--provider", default="slack")
    args = parser.parse_args()

    port = free_port()
    host = f"127.0.0.1:{port}"
    emulator = start_emulator(port)
    server = senders = None
    try:
        wait_for_port(port, emulator, 90)
        make_topic(host)
        env = {"PUBSUB_EMULATOR_HOST": host, "PUBSUB_TOPIC": TOPIC, "THREADS": "80", **signers.environment()}
        server = start_server("webhooks", env, name="outage")
        senders = Senders(server.url, [args.provider], 4, pace=0.2, give_up=args.seconds + 120, mark_bodies=False)
        senders.start()
        time.sleep(2)
        stop(emulator)
        gone = time.monotonic()
        time.sleep(args.seconds)
        emulator = start_emulator(port)
        wait_for_port(port, emulator, 90)
        back = time.monotonic()  # the topic made again is part of the wait measured (real Pub/Sub keeps it)
        make_topic(host)
        while not any(a.ok and answered(a) >= back for a in senders.attempts) and time.monotonic() - back < 120:
            time.sleep(0.05)
        senders.stop()
    finally:
        if senders is not None:
            senders.stop()
        if server is not None:
            stop(server.process)
        stop(emulator)

    outage = [a for a in senders.attempts if gone < answered(a) < back]
    during = Counter("no answer" if a.status is None else a.status for a in outage)
    first = min((answered(a) for a in senders.attempts if a.ok and answered(a) >= back), default=None)
    print(f"outage {args.seconds:.0f} s, {args.provider}: answers during it {dict(during)}")
    print("first 2xx " + (f"{first - back:.1f} s after Pub/Sub was back" if first else "never (120 s)"))
    return 0 if first else 1


if __name__ == "__main__":
    sys.exit(main())
