"""Fixtures: the real Pub/Sub emulator, real functions-framework processes, per-test subscriptions."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from scripts.emulators import warm_firestore
from tests import leaks, signers
from tests.leaks import pytest_configure, pytest_runtest_logreport, pytest_sessionfinish  # noqa: F401 - hooks

ROOT = Path(__file__).resolve().parent.parent
PROJECT = "test-project"
LOGS = Path(os.environ.get("WEBHOOK_TEST_LOGS", "/tmp/webhooks-test-logs"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listening on {port} after {seconds}s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@dataclass
class Emulator:
    host: str
    process: subprocess.Popen


def start_gcloud(arguments: list[str], log: str) -> subprocess.Popen:
    """`gcloud <arguments>` with its output in LOGS/<log>.

    gcloud makes itself a process group leader and runs the emulator's Java in that group:
    `stop()` ends the whole group.
    """
    LOGS.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen(
        ["gcloud", *arguments], stdout=open(LOGS / log, "ab"), stderr=subprocess.STDOUT, start_new_session=True
    )


def start_emulator(port: int) -> subprocess.Popen:
    """The Pub/Sub emulator on loopback."""
    arguments = ["beta", "emulators", "pubsub", "start", f"--host-port=127.0.0.1:{port}", f"--project={PROJECT}"]
    return start_gcloud([*arguments, "--quiet"], "emulator.log")


def start_firestore(port: int) -> subprocess.Popen:
    """The Firestore emulator on loopback."""
    return start_gcloud(
        ["emulators", "firestore", "start", f"--host-port=127.0.0.1:{port}", "--quiet"], "firestore-emulator.log"
    )


def gcloud_emulator(
    name: str, start: Callable[[int], subprocess.Popen], warm: Callable[[str], None] | None = None
) -> Iterator[Emulator]:
    """A fixture's body: an emulator that ships with the gcloud CLI, up for the session.

    Skipped without gcloud or Java, except under CI=true, where that fails the run.
    """
    missing = [tool for tool in ("gcloud", "java") if shutil.which(tool) is None]
    if missing:
        message = f"the {name} emulator needs {', '.join(missing)}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    port = free_port()
    process = start(port)
    try:
        wait_for_port(port, process, 90)
        if warm is not None:
            warm(f"127.0.0.1:{port}")
    except RuntimeError as error:
        stop(process)
        pytest.fail(f"{name} emulator did not start: {error}")
    yield Emulator(host=f"127.0.0.1:{port}", process=process)
    stop(process)


@pytest.fixture(scope="session")
def emulator():
    """The Pub/Sub emulator that ships with the gcloud CLI, once per session."""
    yield from gcloud_emulator("Pub/Sub", start_emulator)


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    log: Path

    def post(
        self, path: str, body: bytes, headers: dict[str, str], method: str = "POST", **kwargs
    ) -> requests.Response:
        return requests.request(method, self.url + path, data=body, headers=headers, timeout=30, **kwargs)

    def log_lines(self) -> list[str]:
        return self.log.read_text().splitlines()


def start_server(target: str, env: dict[str, str], name: str | None = None) -> Server:
    """A real functions-framework process serving main.py's `target` on a free port."""
    LOGS.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = LOGS / f"{name or target}-{port}.log"
    base = {k: v for k, v in os.environ.items() if not k.endswith("_WEBHOOK_SECRET")}
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "functions-framework"),
            "--source=main.py",
            f"--target={target}",
            f"--port={port}",
            "--host=127.0.0.1",
        ],
        cwd=ROOT,
        env={**base, "GOOGLE_CLOUD_PROJECT": PROJECT, **env},
        stdout=open(log, "wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    leaks.server_log(log)
    wait_for_port(port, process, 30)
    return Server(url=f"http://127.0.0.1:{port}", process=process, log=log)


@pytest.fixture(scope="session")
def server_factory():
    """Start functions-framework processes; all are stopped at the end of the session."""
    started: list[Server] = []

    def start(target: str, env: dict[str, str], name: str | None = None) -> Server:
        server = start_server(target, env, name)
        started.append(server)
        return server

    yield start
    for server in started:
        stop(server.process)


@pytest.fixture(scope="session")
def server(emulator, server_factory, google_certs) -> Server:
    """`webhooks`: every provider, configured with its sample secret, on the emulator."""
    return server_factory(
        "webhooks",
        {"PUBSUB_EMULATOR_HOST": emulator.host, "MAX_BODY_BYTES": "1000000", **signers.environment(google_certs.url)},
    )


@pytest.fixture(scope="session")
def publisher_client(emulator):
    os.environ["PUBSUB_EMULATOR_HOST"] = emulator.host
    from google.cloud import pubsub_v1

    yield pubsub_v1.PublisherClient(), pubsub_v1.SubscriberClient()


class Topic:
    """A provider's topic, seen through a subscription made for one test."""

    def __init__(self, clients, provider: str) -> None:
        from google.api_core.exceptions import AlreadyExists

        self.publisher, self.subscriber = clients
        self.path = f"projects/{PROJECT}/topics/webhooks-{provider.replace('_', '-')}"
        try:
            self.publisher.create_topic(name=self.path)
        except AlreadyExists:
            pass
        self.subscription = f"projects/{PROJECT}/subscriptions/t-{uuid.uuid4().hex[:12]}"
        self.subscriber.create_subscription(name=self.subscription, topic=self.path)

    def pull(self, expect: int = 0, wait: float = 5.0) -> list:
        """Messages received so far: waits up to `wait` seconds for `expect` of them.

        A function answers only once Pub/Sub has the message, so when none is expected
        two immediate pulls a moment apart are enough to see one that should not be there.
        """
        messages = []
        deadline = time.monotonic() + (wait if expect else 0.1)
        while True:
            response = self.subscriber.pull(
                request={"subscription": self.subscription, "max_messages": 100, "return_immediately": True},
                timeout=5,
            )
            if response.received_messages:
                self.subscriber.acknowledge(
                    subscription=self.subscription, ack_ids=[m.ack_id for m in response.received_messages]
                )
                messages.extend(m.message for m in response.received_messages)
            if (expect and len(messages) >= expect) or time.monotonic() >= deadline:
                return messages
            time.sleep(0.05)

    def close(self) -> None:
        self.subscriber.delete_subscription(subscription=self.subscription)


@pytest.fixture
def topic(publisher_client):
    """Make a Topic for a provider id; subscriptions are deleted after the test."""
    made: list[Topic] = []

    def make(provider: str) -> Topic:
        made.append(Topic(publisher_client, provider))
        return made[-1]

    yield make
    for item in made:
        item.close()


@dataclass
class CertsServer:
    url: str
    requests: list[str]


@contextlib.contextmanager
def serve_google_certs() -> Iterator[CertsServer]:
    """The test key's certificates served on loopback as Google serves its own: {kid: x509 PEM}."""
    import json
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    body = json.dumps(signers.google_certs()).encode()
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(self.path)
            # Signing certificates on the same server: SNS's are `*.pem`, PayPal's under its certs path;
            # Fireblocks' JWKS at its well-known path, Neon Auth's under its auth URL's path.
            pem = self.path.endswith(".pem") or self.path.startswith("/v1/notifications/certs/")
            answer = signers.fireblocks_jwks() if self.path == "/.well-known/jwks.json" else body
            if self.path == signers.NEON_JWKS_PATH:
                answer = signers.neon_jwks()
            if pem:
                answer = (signers.sns_signing() if self.path.endswith(".pem") else signers.paypal_signing())[1]
            self.send_response(200)
            self.send_header("Content-Type", "application/x-x509-ca-cert" if pem else "application/json; charset=UTF-8")
            self.send_header("Cache-Control", "public, max-age=3600")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield CertsServer(url=f"http://127.0.0.1:{httpd.server_port}/oauth2/v1/certs", requests=seen)
    finally:
        httpd.shutdown()


@pytest.fixture(scope="session")
def google_certs():
    """The test key's certificates, served for the whole session (see serve_google_certs)."""
    with serve_google_certs() as certs:
        yield certs


@pytest.fixture(scope="session")
def firestore_emulator():
    """The Firestore emulator that ships with the gcloud CLI, once per session (FIRESTORE_EMULATOR_HOST)."""
    yield from gcloud_emulator("Firestore", start_firestore, lambda host: warm_firestore(host, PROJECT))


@dataclass
class StorageEmulator:
    host: str  # STORAGE_EMULATOR_HOST: with its scheme, as the storage client reads it
    bucket: str
    process: subprocess.Popen


@pytest.fixture(scope="session")
def storage_emulator():
    """gcp-storage-emulator (a real GCS JSON API server, in memory) with one bucket, once per session.

    Also sets STORAGE_EMULATOR_HOST here, for the tests' own storage client (as publisher_client does).
    """
    executable = Path(sys.executable).parent / "gcp-storage-emulator"
    if not executable.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("gcp-storage-emulator is not installed (requirements-dev.txt)")
        pytest.skip("gcp-storage-emulator is not installed (requirements-dev.txt)")
    LOGS.mkdir(parents=True, exist_ok=True)
    port = free_port()
    bucket = "webhook-bodies-test"
    process = subprocess.Popen(
        [str(executable), "start", "--host=127.0.0.1", f"--port={port}", "--in-memory", f"--default-bucket={bucket}"],
        stdout=open(LOGS / "storage-emulator.log", "ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_for_port(port, process, 30)
    except RuntimeError as error:
        stop(process)
        pytest.fail(f"storage emulator did not start: {error}")
    host = f"http://127.0.0.1:{port}"
    os.environ["STORAGE_EMULATOR_HOST"] = host
    yield StorageEmulator(host=host, bucket=bucket, process=process)
    stop(process)
