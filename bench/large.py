"""Benchmark of the claim check (issue 14): large bodies into Cloud Storage, in one run.

- peak RSS of one `github` instance while 8 deliveries of 25 MB arrive at once (target:
  under Cloud Run's 256 MiB), and how each was answered (200, or 503 over the budget);
- one 25 MB delivery end to end: sent, verified, stored, published, answered (median);
- small-body throughput with BODY_BUCKET set against unset (wrk, interleaved rounds):
  the ratio says what the claim check costs deliveries that never use it.

Real parts: the Pub/Sub emulator, gcp-storage-emulator (in memory), functions-framework.

    .venv/bin/python bench/large.py --rounds 3 --seconds 10

Needs wrk, gcloud with the Pub/Sub emulator, Java, and requirements-dev.txt.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import LOGS, PROJECT, SECRET, Counter, Side, load, payload, peak_rss, ratio, signature  # noqa: E402
from tests.conftest import free_port, start_emulator, stop, wait_for_port  # noqa: E402

LARGE = 25_000_000
BUCKET = "bench-bodies"


def large_body() -> bytes:
    prefix, suffix = b'{"ref":"refs/heads/main","commits":[{"message":"', b'"}]}'
    return prefix + b"x" * (LARGE - len(prefix) - len(suffix)) + suffix


def deliver(url: str, body: bytes, sign: str) -> tuple[int, float]:
    """One signed delivery; its status and seconds from the first byte sent to the answer."""
    headers = {
        "Content-Type": "application/json",
        "X-GitHub-Event": "push",
        "X-GitHub-Hook-ID": "1",
        "X-GitHub-Delivery": f"large-{uuid.uuid4()}",
        "X-Hub-Signature-256": sign,
    }
    started = time.perf_counter()
    answer = requests.post(url, data=body, headers=headers, timeout=60)
    return answer.status_code, time.perf_counter() - started


def current_rss(pid: int) -> int:
    total = 0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            total += int(line.split()[1]) * 1024
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=80)
    parser.add_argument("--concurrent", type=int, default=8, help="large deliveries at once")
    parser.add_argument("--single", type=int, default=3, help="one-at-a-time 25 MB deliveries timed")
    parser.add_argument("--env", action="append", default=[], help="NAME=VALUE for the claim-check side")
    args = parser.parse_args()

    LOGS.mkdir(parents=True, exist_ok=True)
    pubsub_port, storage_port = free_port(), free_port()
    emulator = start_emulator(pubsub_port)
    storage = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gcp-storage-emulator"),
            "start",
            "--host=127.0.0.1",
            f"--port={storage_port}",
            "--in-memory",
            f"--default-bucket={BUCKET}",
        ],
        stdout=open(LOGS / "storage-emulator.log", "ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_for_port(pubsub_port, emulator, 90)
        wait_for_port(storage_port, storage, 30)
        os.environ["PUBSUB_EMULATOR_HOST"] = f"127.0.0.1:{pubsub_port}"
        base = {"GOOGLE_CLOUD_PROJECT": PROJECT, "GITHUB_WEBHOOK_SECRET": SECRET}
        stored = {"STORAGE_EMULATOR_HOST": f"http://127.0.0.1:{storage_port}", "BODY_BUCKET": BUCKET}
        on = Side("github", {**base, **stored, **dict(item.split("=", 1) for item in args.env)})
        off = Side("github", base)
        counter = Counter()
        body, small = large_body(), payload()
        sign, small_sign = signature(body), signature(small)
        body_file = LOGS / "body.json"
        body_file.write_bytes(small)

        # 1. Memory: a fresh instance, warmed by one small and one large delivery (imports,
        # clients), then N large deliveries at once.
        on.start()
        status, _ = deliver(on.url, body, sign)
        assert status == 200, status
        warm = peak_rss(on.process.pid)
        with ThreadPoolExecutor(args.concurrent) as pool:
            started = time.perf_counter()
            answers = list(pool.map(lambda _: deliver(on.url, body, sign), range(args.concurrent)))
            burst = time.perf_counter() - started
        peak = peak_rss(on.process.pid)
        statuses = sorted(status for status, _ in answers)

        # 2. One at a time, end to end.
        singles = [deliver(on.url, body, sign) for _ in range(args.single)]
        assert all(status == 200 for status, _ in singles), singles
        stored_ids = [i for i in counter.drain() if i.startswith("large-")]

        # 3. Small bodies, claim check on against off.
        off.start()
        for side in (on, off):
            load(side, body_file, small_sign, f"warm-{id(side)}", 2, args.connections)
        counter.drain()
        results: dict[str, list[dict]] = {"on": [], "off": []}
        for r in range(args.rounds):
            for name, side in (("off", off), ("on", on)) if r % 2 else (("on", on), ("off", off)):
                result = load(side, body_file, small_sign, f"{name}{r}", args.seconds, args.connections)
                results[name].append(result)
                print(f"round {r} {name:3} {json.dumps(result)}", flush=True)
        counter.drain()
        on.stop()
        off.stop()
    finally:
        stop(storage)
        stop(emulator)

    def med(name: str, key: str) -> float:
        return statistics.median(r[key] for r in results[name])

    print(f"\n{args.concurrent} concurrent {LARGE} B deliveries on one instance {' '.join(args.env)}")
    print(f"  answers: {statuses}; all answered in {burst:.2f} s")
    print(f"  peak RSS: {peak / 2**20:.1f} MiB (after warm-up: {warm / 2**20:.1f} MiB; Cloud Run instance: 256 MiB)")
    times = [seconds for _, seconds in singles]
    each = [round(t, 2) for t in times]
    print(f"one {LARGE} B delivery end to end: median {statistics.median(times):.2f} s ({each})")
    print(f"large messages in the topic: {len(stored_ids)} (expected {1 + statuses.count(200) + len(singles)})")
    print(f"\nsmall bodies ({len(small)} B), wrk -c{args.connections}, {args.rounds} x {args.seconds} s, medians")
    print(f"{'':10} {'on':>10} {'off':>10} {'ratio':>7}")
    for key, label in (("rps", "req/s"), ("p50_ms", "p50 ms"), ("p99_ms", "p99 ms")):
        ours, theirs = med("on", key), med("off", key)
        print(f"{label:10} {ours:10.2f} {theirs:10.2f} {ratio(ours, theirs):7.2f}")
    pairs = list(zip(results["on"], results["off"], strict=True))
    print("per-round ratios req/s:", [round(ratio(on_["rps"], off_["rps"]), 2) for on_, off_ in pairs])


if __name__ == "__main__":
    main()
