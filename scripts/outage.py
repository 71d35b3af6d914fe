"""Outage: Pub/Sub gone or frozen for a while; the answers meanwhile, and how soon deliveries are acknowledged after.

    .venv/bin/python scripts/outage.py [--seconds 60] [--freeze] [--senders 4] [--provider slack ...]

Starts its own emulator and `webhooks`, has `--senders` senders per provider deliver
(retrying every 0.2 s, as providers retry, faster), then stops the emulator for `--seconds`
and starts it again on the same port with its topic (or, with `--freeze`, stops its
processes with SIGSTOP and resumes them), and prints the answers during the outage ("no
answer": none within the provider's timeout) and the time from the emulator being back to
the first 2xx. tests/test_faults.py checks the same, shorter and with fewer senders; this
one is long enough for gRPC's reconnection backoff to matter, or loaded enough for queueing.
Needs gcloud with the Pub/Sub emulator, and Java.
"""

from __future__ import annotations

import argparse
import os
import signal
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
    parser.add_argument("--freeze", action="store_true", help="SIGSTOP the emulator rather than stop it")
    parser.add_argument("--senders", type=int, default=4, help="per provider")
    parser.add_argument("--provider", nargs="+", default=["slack"])
    args = parser.parse_args()

    port = free_port()
    host = f"127.0.0.1:{port}"
    emulator = start_emulator(port)
    server = senders = None
    try:
        wait_for_port(port, emulator, 90)
        make_topic(host)
        env = {"PUBSUB_EMULATOR_HOST": host, "PUBSUB_TOPIC": TOPIC, **signers.environment()}
        server = start_server("webhooks", env, name="outage")
        senders = Senders(
            server.url, args.provider, args.senders, pace=0.2, give_up=args.seconds + 120, mark_bodies=False
        )
        senders.start()
        time.sleep(2)
        if args.freeze:
            os.killpg(emulator.pid, signal.SIGSTOP)
        else:
            stop(emulator)
        gone = time.monotonic()
        time.sleep(args.seconds)
        if args.freeze:
            os.killpg(emulator.pid, signal.SIGCONT)
            back = time.monotonic()
        else:
            emulator = start_emulator(port)
            wait_for_port(port, emulator, 90)
            back = time.monotonic()  # the topic made again is part of the wait measured (real Pub/Sub keeps it)
            make_topic(host)
        while not any(a.ok and answered(a) >= back for a in senders.attempts) and time.monotonic() - back < 120:
            time.sleep(0.05)
        senders.stop()
    finally:
        if emulator.poll() is None:
            os.killpg(emulator.pid, signal.SIGCONT)
        if senders is not None:
            senders.stop()
        if server is not None:
            stop(server.process)
        stop(emulator)

    outage = [a for a in senders.attempts if gone < answered(a) < back]
    during = Counter("no answer" if a.status is None else a.status for a in outage)
    first = min((answered(a) for a in senders.attempts if a.ok and answered(a) >= back), default=None)
    kind = "freeze" if args.freeze else "outage"
    print(f"{kind} {args.seconds:.0f} s, {args.senders} senders each for {', '.join(args.provider)}")
    print(f"answers during it {dict(during)}, all {dict(Counter(a.status for a in senders.attempts))}")
    print("first 2xx " + (f"{first - back:.1f} s after Pub/Sub was back" if first else "never (120 s)"))
    return 0 if first else 1


if __name__ == "__main__":
    sys.exit(main())
