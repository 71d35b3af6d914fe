"""Benchmark: the `github` function, publishing to the real emulator, against a bare function.

Both run under functions-framework with the same server settings (THREADS, WORKERS) and are
loaded by wrk in interleaved rounds. Prints req/s, p50 and p99 for both and their ratios,
proves from the topic that every 2xx was published, measures cold start (process start to
the first 2xx, published for `github`) and the peak RSS of each server's processes.

    .venv/bin/python bench/run.py --rounds 3 --seconds 10 --threads 80 --workers 1

Needs wrk (Debian package `wrk`), gcloud with the Pub/Sub emulator, and Java.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import free_port, start_emulator, stop, wait_for_port  # noqa: E402

PROJECT = "bench-project"
TOPIC = f"projects/{PROJECT}/topics/webhooks-github"
SECRET = "bench-secret"
LOGS = Path(tempfile.gettempdir()) / "webhooks-bench"
TARGETS = {"github": "main.py:github", "bare": "bench/bare.py:bare_async"}


def payload(size: int = 20_000) -> bytes:
    """A GitHub-like push body of about `size` bytes."""
    commits = []
    while len(json.dumps(commits)) < size - 400:
        n = len(commits)
        commits.append({"id": f"{n:040x}", "message": f"Commit {n}: " + "change " * 20, "author": {"name": "a"}})
    return json.dumps({"ref": "refs/heads/main", "repository": {"full_name": "o/r"}, "commits": commits}).encode()


def signature(body: bytes) -> str:
    """`X-Hub-Signature-256` as GitHub documents it: HMAC-SHA256 of the body, hex."""
    return "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()


class Side:
    """One functions-framework process: `github` from main.py, or the bare function."""

    def __init__(self, name: str, env: dict[str, str]) -> None:
        self.name = name
        self.env = env
        self.process: subprocess.Popen | None = None
        self.port = 0
        self.peak_rss: list[int] = []
        self.results: list[dict] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self) -> float:
        """Start the process; return seconds from start to its first 2xx."""
        self.port = free_port()
        source, target = TARGETS[self.name].split(":")
        LOGS.mkdir(parents=True, exist_ok=True)
        command = [
            str(Path(sys.executable).parent / "functions-framework"),
            f"--source={source}",
            f"--target={target}",
            f"--port={self.port}",
            "--host=127.0.0.1",
        ]
        started = time.perf_counter()
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**os.environ, **self.env},
            stdout=open(LOGS / f"{self.name}.log", "ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        body = payload(2_000)
        headers = {"Content-Type": "application/json", "X-GitHub-Event": "push", "X-Hub-Signature-256": signature(body)}
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}")
            try:
                answer = requests.post(
                    self.url, data=body, headers={**headers, "X-GitHub-Delivery": f"cold-{uuid.uuid4()}"}, timeout=30
                )
                if 200 <= answer.status_code < 300:
                    return time.perf_counter() - started
                raise RuntimeError(f"{self.name} answered {answer.status_code}")
            except requests.ConnectionError:
                time.sleep(0.005)

    def stop(self) -> None:
        if self.process is not None:
            self.peak_rss.append(peak_rss(self.process.pid))
            stop(self.process)
            self.process = None


def tree(pid: int) -> list[int]:
    """`pid` and its descendants (the gunicorn arbiter and its workers)."""
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                pending.extend(int(child) for child in (task / "children").read_text().split())
            except OSError:
                pass
    return found


def peak_rss(pid: int) -> int:
    """Sum of VmHWM (peak resident set) over the process tree, in bytes."""
    total = 0
    for member in tree(pid):
        try:
            for line in Path(f"/proc/{member}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of the process tree so far."""
    total = 0
    for member in tree(pid):
        try:
            fields = Path(f"/proc/{member}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except OSError:
            pass
    return total / os.sysconf("SC_CLK_TCK")


def load(side: Side, body_file: Path, signature_value: str, run: str, seconds: int, connections: int) -> dict:
    """One wrk run; returns its RESULT line as a dict, with req/s added."""
    script = str(ROOT / "bench/load.lua")
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "15s", "-s", script, side.url]
    output = subprocess.run(
        [*command, "--", str(body_file), signature_value, run], capture_output=True, text=True, check=True
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("RESULT "))
    result = json.loads(line.removeprefix("RESULT "))
    result["rps"] = result["ok"] / result["seconds"]
    return result


class Counter:
    """A subscription on the github topic, made before any load: counts what was published."""

    def __init__(self) -> None:
        from google.api_core.exceptions import AlreadyExists
        from google.cloud import pubsub_v1

        self.publisher = pubsub_v1.PublisherClient()
        self.subscriber = pubsub_v1.SubscriberClient()
        try:
            self.publisher.create_topic(name=TOPIC)
        except AlreadyExists:
            pass
        self.subscription = f"projects/{PROJECT}/subscriptions/bench-{uuid.uuid4().hex[:8]}"
        self.subscriber.create_subscription(name=self.subscription, topic=TOPIC, ack_deadline_seconds=60)

    def drain(self) -> list[str]:
        """Delivery ids of every message published since the last drain."""
        from google.api_core.exceptions import DeadlineExceeded

        # Requests still in flight when wrk stops finish within their publish deadline.
        time.sleep(1)
        ids: list[str] = []
        while True:
            # The emulator holds an empty pull open until its timeout.
            try:
                response = self.subscriber.pull(subscription=self.subscription, max_messages=1000, timeout=1)
            except DeadlineExceeded:
                break
            messages = response.received_messages
            if not messages:
                break
            ids.extend(m.message.attributes["delivery_id"] for m in messages)
            self.subscriber.acknowledge(subscription=self.subscription, ack_ids=[m.ack_id for m in messages])
        return ids


def emulator_capacity(seconds: float, threads: int, body: bytes, emulator_pid: int) -> dict[str, float]:
    """What the emulator takes from this machine: the client library publishing `body`, two ways."""
    from google.cloud import pubsub_v1

    client = pubsub_v1.PublisherClient()
    results = {}
    stop_at = time.monotonic() + seconds
    count = [0]
    lock = threading.Lock()

    def publisher() -> None:
        while time.monotonic() < stop_at:
            client.publish(TOPIC, body, delivery_id="capacity").result()
            with lock:
                count[0] += 1

    workers = [threading.Thread(target=publisher) for _ in range(threads)]
    cpu = cpu_seconds(emulator_pid)
    started = time.monotonic()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    results["publish_and_wait_per_s"] = count[0] / (time.monotonic() - started)
    results["emulator_cpu_ms_per_message_waiting"] = (cpu_seconds(emulator_pid) - cpu) * 1000 / max(count[0], 1)

    started = time.monotonic()
    count = int(results["publish_and_wait_per_s"] * 3)
    cpu = cpu_seconds(emulator_pid)
    futures = [client.publish(TOPIC, body, delivery_id="capacity") for _ in range(count)]
    for future in futures:
        future.result()
    results["bulk_per_s"] = len(futures) / (time.monotonic() - started)
    results["emulator_cpu_ms_per_message_bulk"] = (cpu_seconds(emulator_pid) - cpu) * 1000 / count
    client.stop()
    return results


def ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=80)
    parser.add_argument(
        "--body-bytes", type=int, default=20_000, help="size of the signed body (README, Cost: 2 KB and 20 KB)"
    )
    parser.add_argument("--threads", default="80", help="THREADS for both servers (functions-framework's gthread)")
    parser.add_argument("--workers", default="1", help="WORKERS for both servers")
    parser.add_argument("--cold", type=int, default=3, help="cold starts per side")
    parser.add_argument("--capacity", type=float, default=5, help="seconds of direct emulator publishing; 0: skip")
    parser.add_argument(
        "--emulator-java",
        default="-XX:+UseZGC",
        help="JAVA_TOOL_OPTIONS for the emulator's JVM ('' for the JVM's default collector): see README, Performance",
    )
    parser.add_argument("--env", action="append", default=[], help="NAME=VALUE for the github server only")
    parser.add_argument("--github", default=TARGETS["github"], help="source:target of the measured side")
    parser.add_argument(
        "--bare", default=TARGETS["bare"], help="source:target of the ceiling (bench/bare.py:bare for gunicorn threads)"
    )
    args = parser.parse_args()
    TARGETS.update(github=args.github, bare=args.bare)
    missing = [tool for tool in ("wrk", "gcloud", "java") if shutil.which(tool) is None]
    if missing:
        sys.exit(f"bench needs {', '.join(missing)} (apt-get install wrk; gcloud with the pubsub-emulator component)")

    port = free_port()
    # The emulator holds every published message in memory (600 MB a round here), and the
    # JVM's default collector stops it for up to 75 ms at a time to copy them: pauses real
    # Pub/Sub does not have, which then decide the github side's p99. ZGC's pauses are
    # under a millisecond.
    os.environ["JAVA_TOOL_OPTIONS"] = args.emulator_java
    emulator = start_emulator(port)
    try:
        wait_for_port(port, emulator, 90)
        os.environ["PUBSUB_EMULATOR_HOST"] = f"127.0.0.1:{port}"
        settings = {"THREADS": args.threads, "WORKERS": args.workers}
        github = Side(
            "github",
            {
                **settings,
                "GOOGLE_CLOUD_PROJECT": PROJECT,
                "GITHUB_WEBHOOK_SECRET": SECRET,
                **dict(item.split("=", 1) for item in args.env),
            },
        )
        bare = Side("bare", settings)
        counter = Counter()
        body = payload(args.body_bytes)
        body_file = LOGS / "body.json"
        LOGS.mkdir(parents=True, exist_ok=True)
        body_file.write_bytes(body)
        sign = signature(body)

        cold: dict[str, list[float]] = {"github": [], "bare": []}
        for i in range(args.cold):
            for side in (bare, github) if i % 2 else (github, bare):
                cold[side.name].append(side.start())
                side.stop()
        cold_published = len(counter.drain())

        for side in (github, bare):
            side.start()
            load(side, body_file, sign, f"warm-{side.name}", 2, args.connections)
        counter.drain()

        published: list[str] = []
        for r in range(args.rounds):
            for side in (bare, github) if r % 2 else (github, bare):
                before = cpu_seconds(side.process.pid), cpu_seconds(emulator.pid)
                result = load(side, body_file, sign, f"r{r}", args.seconds, args.connections)
                after = cpu_seconds(side.process.pid), cpu_seconds(emulator.pid)
                result["cpu_ms"] = (after[0] - before[0]) * 1000 / max(result["ok"], 1)
                result["emulator_cpu_ms"] = (after[1] - before[1]) * 1000 / max(result["ok"], 1)
                side.results.append(result)
                if side is github:
                    ids = counter.drain()
                    result["published"] = len(set(ids))
                    result["duplicates"] = len(ids) - len(set(ids))
                    published.extend(ids)
                print(f"round {r} {side.name:6} {json.dumps(result)}", flush=True)
        for side in (github, bare):
            side.stop()

        capacity = emulator_capacity(args.capacity, args.connections, body, emulator.pid) if args.capacity else {}
    finally:
        stop(emulator)

    def med(side: Side, key: str) -> float:
        return statistics.median(r[key] for r in side.results)

    rows = [
        ("req/s", med(github, "rps"), med(bare, "rps")),
        ("p50 ms", med(github, "p50_ms"), med(bare, "p50_ms")),
        ("p99 ms", med(github, "p99_ms"), med(bare, "p99_ms")),
        ("cold start s", statistics.median(cold["github"]), statistics.median(cold["bare"])),
        ("peak RSS MiB", max(github.peak_rss) / 2**20, max(bare.peak_rss) / 2**20),
    ]
    print(f"\nsettings THREADS={args.threads} WORKERS={args.workers} {' '.join(args.env)}")
    print(f"emulator JAVA_TOOL_OPTIONS={args.emulator_java!r}")
    print(
        f"wrk -t2 -c{args.connections}, {args.rounds} rounds of {args.seconds} s, medians; {os.cpu_count()} CPUs;"
        f" body {len(body)} bytes"
    )
    print(f"{'':14} {'github':>10} {'bare':>10} {'ratio':>7}")
    for name, ours, theirs in rows:
        print(f"{name:14} {ours:10.2f} {theirs:10.2f} {ratio(ours, theirs):7.2f}")
    for key in ("rps", "p99_ms", "cpu_ms"):
        pairs = zip(github.results, bare.results, strict=True)
        print(f"per-round ratios {key}:", [round(ratio(g[key], b[key]), 2) for g, b in pairs])
    print("CPU ms per 2xx, github side:", {k: round(med(github, k), 2) for k in ("cpu_ms", "emulator_cpu_ms")})
    print("CPU ms per 2xx, bare side:", round(med(bare, "cpu_ms"), 2))
    print("cold starts s:", {k: [round(v, 3) for v in vs] for k, vs in cold.items()})
    ok = sum(r["ok"] for r in github.results)
    bad = sum(r["bad"] + r["socket_errors"] for r in github.results)
    distinct = len(set(published))
    print(f"github 2xx: {ok}, non-2xx or socket errors: {bad}, distinct messages in topic: {distinct}")
    print(f"cold-start deliveries answered 2xx: {len(cold['github'])}, in topic: {cold_published}")
    if capacity:
        rates = ", ".join(f"{k} {v:.2f}" for k, v in capacity.items())
        print(
            f"emulator capacity (client library in one process, {len(body)}-byte messages,"
            f" {args.connections} threads): {rates}"
        )
    missing = ok - distinct
    if missing > 0 or cold_published < len(cold["github"]):
        print(f"FAIL: {max(missing, 0)} acknowledged deliveries not in the topic")
        sys.exit(1)
    print("every 2xx is in the topic")


if __name__ == "__main__":
    main()
