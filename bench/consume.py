"""Benchmark: `consume` with deduplication on (Firestore emulator) against the same function with it off.

Both are functions-framework processes serving main.py's `consume` with a handler that returns
at once (bench/consume_handlers.py); one has CONSUME_DEDUP_DAYS=7, the other 0 (no Firestore at
all). Each round pushes the same number of distinct events to each, alternately, from
`--connections` client threads. Prints events/s, p50 and p99 for both and their ratios, and
the Firestore writes per event (from consume's own log lines) for fresh events and for
duplicates.

    .venv/bin/python bench/consume.py --rounds 3 --events 1000 --connections 16

Needs gcloud with the Firestore emulator, and Java.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import free_port, start_firestore, stop, wait_for_port  # noqa: E402

LOGS = Path("/tmp/webhooks-bench")
BODY = json.dumps({"type": "invoice.paid", "data": {"object": {"id": "in_1", "amount": 1200}}, "pad": "x" * 2000})


def envelope(event_id: str) -> bytes:
    """A push of one event, as `webhooks` would have published it (a 2 KB body)."""
    return json.dumps(
        {
            "message": {
                "data": base64.b64encode(BODY.encode()).decode(),
                "attributes": {
                    "ce-specversion": "1.0",
                    "ce-id": event_id,
                    "ce-source": "bench/account",
                    "ce-type": "bench.invoice.paid",
                    "ce-time": "2026-12-01T10:00:00Z",
                    "content-type": "application/json",
                    "provider": "bench",
                    "event_type": "invoice.paid",
                    "delivery_id": event_id,
                },
                "messageId": uuid.uuid4().hex,
                "publishTime": "2026-12-01T10:00:00.000Z",
            },
            "subscription": "projects/bench/subscriptions/bench-consume",
        }
    ).encode()


class Side:
    """One `consume` process."""

    def __init__(self, name: str, env: dict[str, str]) -> None:
        self.name = name
        self.port = free_port()
        self.log = LOGS / f"consume-{name}-{self.port}.log"
        LOGS.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "functions-framework"),
                "--source=main.py",
                "--target=consume",
                f"--port={self.port}",
                "--host=127.0.0.1",
            ],
            cwd=ROOT,
            env={
                **os.environ,
                "GOOGLE_CLOUD_PROJECT": "bench-project",
                "CONSUME_HANDLERS": "bench.consume_handlers",
                "PYTHONPATH": str(ROOT),
                **env,
            },
            stdout=open(self.log, "wb"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_for_port(self.port, self.process, 60)
        self.runs: list[dict[str, float]] = []

    def push(self, bodies: list[bytes], connections: int) -> dict[str, float]:
        local = threading.local()

        def send(body: bytes) -> float:
            if not hasattr(local, "session"):
                local.session = requests.Session()
            started = time.perf_counter()
            answer = local.session.post(
                f"http://127.0.0.1:{self.port}/", data=body, headers={"Content-Type": "application/json"}, timeout=30
            )
            if answer.status_code != 200:
                raise RuntimeError(f"{self.name} answered {answer.status_code}")
            return time.perf_counter() - started

        started = time.perf_counter()
        with ThreadPoolExecutor(connections) as pool:
            latencies = sorted(pool.map(send, bodies))
        elapsed = time.perf_counter() - started
        return {
            "rate": len(bodies) / elapsed,
            "p50": latencies[len(latencies) // 2] * 1000,
            "p99": latencies[int(len(latencies) * 0.99) - 1] * 1000,
        }

    def writes(self) -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        for line in self.log.read_text().splitlines():
            if line.startswith('{"severity"') and '"outcome"' in line:
                record = json.loads(line)
                found.setdefault(record["outcome"], []).append(record.get("writes", 0))
        return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--events", type=int, default=1000, help="distinct events per side per round")
    parser.add_argument("--connections", type=int, default=16)
    arguments = parser.parse_args()

    port = free_port()
    emulator = start_firestore(port)
    sides: list[Side] = []
    try:
        wait_for_port(port, emulator, 90)
        host = f"127.0.0.1:{port}"
        collection = f"bench-{uuid.uuid4().hex[:8]}"
        on = Side("dedup-on", {"FIRESTORE_EMULATOR_HOST": host, "CONSUME_COLLECTION": collection})
        off = Side("dedup-off", {"CONSUME_DEDUP_DAYS": "0"})
        sides = [on, off]
        # Warm-up: imports, the Firestore channel, the emulator's JIT.
        for side in sides:
            side.push([envelope(uuid.uuid4().hex) for _ in range(200)], arguments.connections)
        for number in range(arguments.rounds):
            for side in sides if number % 2 == 0 else reversed(sides):
                result = side.push([envelope(uuid.uuid4().hex) for _ in range(arguments.events)], arguments.connections)
                side.runs.append(result)
                rate, p50, p99 = result["rate"], result["p50"], result["p99"]
                print(f"round {number + 1} {side.name}: {rate:.0f} events/s, p50 {p50:.1f} ms, p99 {p99:.1f} ms")
        # Duplicates: every event of a batch sent again, after it was handled.
        repeated = [uuid.uuid4().hex for _ in range(200)]
        on.push([envelope(event_id) for event_id in repeated], arguments.connections)
        duplicates = on.push([envelope(event_id) for event_id in repeated], arguments.connections)
        print(f"dedup-on, duplicates only: {duplicates['rate']:.0f} events/s, p99 {duplicates['p99']:.1f} ms")

        def median(side: Side, key: str) -> float:
            return statistics.median(run[key] for run in side.runs)

        print()
        print(f"{'':12}{'events/s':>10}{'p50 ms':>9}{'p99 ms':>9}")
        for side in sides:
            print(f"{side.name:12}{median(side, 'rate'):10.0f}{median(side, 'p50'):9.1f}{median(side, 'p99'):9.1f}")
        print(
            f"ratio on/off: throughput {median(on, 'rate') / median(off, 'rate'):.2f}x, "
            f"p50 {median(on, 'p50') / median(off, 'p50'):.2f}x, p99 {median(on, 'p99') / median(off, 'p99'):.2f}x"
        )
        time.sleep(0.5)  # the last log lines
        writes = on.writes()
        for outcome in ("handled", "duplicate", "in_progress"):
            counts = writes.get(outcome, [])
            if counts:
                print(f"Firestore writes per {outcome} event: {sum(counts) / len(counts):.2f} ({len(counts)} events)")
    finally:
        for side in sides:
            stop(side.process)
        stop(emulator)


if __name__ == "__main__":
    main()
