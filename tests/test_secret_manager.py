"""Secrets by reference through the real Secret Manager client, against a local gRPC server.

There is no Secret Manager emulator: the server below implements AccessSecretVersion
(google.cloud.secretmanager.v1) and nothing else; the client reaches it through
SECRET_MANAGER_ENDPOINT. The rotation runs through a real functions-framework process.
"""

from __future__ import annotations

import time
from concurrent import futures

import grpc
import pytest
from google.cloud.secretmanager_v1 import types

from shared import secrets
from shared.errors import NotConfigured, Unavailable
from tests.samples.github import SAMPLE as GITHUB

NAME = "projects/test-project/secrets/github/versions/latest"


class SecretManager:
    """AccessSecretVersion over plaintext gRPC; `values` maps version names to payloads."""

    def __init__(self) -> None:
        self.values: dict[str, bytes] = {}
        self.calls: list[str] = []
        self.delay = 0.0
        self.down = False
        handler = grpc.method_handlers_generic_handler(
            "google.cloud.secretmanager.v1.SecretManagerService",
            {
                "AccessSecretVersion": grpc.unary_unary_rpc_method_handler(
                    self.access,
                    request_deserializer=types.AccessSecretVersionRequest.deserialize,
                    response_serializer=types.AccessSecretVersionResponse.serialize,
                )
            },
        )
        self.server = grpc.server(futures.ThreadPoolExecutor(8))
        self.server.add_generic_rpc_handlers((handler,))
        self.port = self.server.add_insecure_port("127.0.0.1:0")
        self.server.start()

    def access(self, request, context):
        self.calls.append(request.name)
        time.sleep(self.delay)
        if self.down:
            context.abort(grpc.StatusCode.UNAVAILABLE, "down")
        if request.name not in self.values:
            context.abort(grpc.StatusCode.NOT_FOUND, "no such version")
        return types.AccessSecretVersionResponse(
            name=request.name, payload=types.SecretPayload(data=self.values[request.name])
        )


@pytest.fixture
def manager(monkeypatch):
    server = SecretManager()
    monkeypatch.setenv("SECRET_MANAGER_ENDPOINT", f"127.0.0.1:{server.port}")
    secrets.reset()
    yield server
    server.server.stop(0)
    secrets.reset()


def test_read_once_then_cached(manager, monkeypatch):
    manager.values[NAME] = b"one\n"
    monkeypatch.setenv("GITHUB_WEBHOOK_SECRET", NAME)
    assert [s.value for s in secrets.load("github")] == [b"one"]
    assert [s.value for s in secrets.load("github")] == [b"one"]
    assert manager.calls == [NAME]


def test_refresh_is_rate_limited_and_single_flight(manager, monkeypatch):
    manager.values[NAME] = b"one"
    monkeypatch.setenv("GITHUB_WEBHOOK_SECRET", NAME)
    monkeypatch.setenv("SECRET_REFRESH_SECONDS", "0")
    secrets.load("github")
    manager.values[NAME] = b"two"
    manager.delay = 0.3
    with futures.ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda _: secrets.load("github", fresh=True), range(8)))
    assert {r[0].value for r in results} == {b"two"}
    assert len(manager.calls) == 2  # the first read, then one refresh for eight concurrent failures
    monkeypatch.setenv("SECRET_REFRESH_SECONDS", "30")
    manager.delay = 0.0
    secrets.load("github", fresh=True)
    assert len(manager.calls) == 2  # refreshed less than 30 s ago


def test_down_without_a_cached_value_is_503_with_retry_after(manager, monkeypatch):
    manager.down = True
    monkeypatch.setenv("GITHUB_WEBHOOK_SECRET", NAME)
    with pytest.raises(Unavailable) as error:
        secrets.load("github")
    assert error.value.status == 503 and error.value.headers["Retry-After"]


def test_down_during_a_refresh_keeps_the_cached_value(manager, monkeypatch):
    manager.values[NAME] = b"one"
    monkeypatch.setenv("GITHUB_WEBHOOK_SECRET", NAME)
    monkeypatch.setenv("SECRET_REFRESH_SECONDS", "0")
    secrets.load("github")
    manager.down = True
    assert [s.value for s in secrets.load("github", fresh=True)] == [b"one"]


def test_missing_version_is_missing_configuration(manager, monkeypatch):
    monkeypatch.setenv("GITHUB_WEBHOOK_SECRET", "projects/test-project/secrets/nope/versions/1")
    with pytest.raises(NotConfigured) as error:
        secrets.load("github")
    assert error.value.variable == "GITHUB_WEBHOOK_SECRET"


def test_rotation_end_to_end(manager, emulator, server_factory, topic):
    """Old secret cached; the secret is rotated; the next delivery signed with the new one publishes."""
    manager.values[NAME] = b"the old secret"
    server = server_factory(
        "github",
        {
            "PUBSUB_EMULATOR_HOST": emulator.host,
            "GITHUB_WEBHOOK_SECRET": NAME,
            "SECRET_MANAGER_ENDPOINT": f"127.0.0.1:{manager.port}",
            "SECRET_REFRESH_SECONDS": "0",
        },
        name="github-secret-manager",
    )
    github = topic("github")
    headers = {"Content-Type": GITHUB.content_type, **GITHUB.headers, **GITHUB.sign(GITHUB.body, int(time.time()))}
    assert server.post("/", GITHUB.body, headers).status_code == 401  # signed with the published vector's secret
    assert github.pull() == []
    manager.values[NAME] = GITHUB.secret.encode()  # rotation: a new latest version
    calls = len(manager.calls)
    response = server.post("/", GITHUB.body, headers)
    assert response.status_code == 200
    assert len(manager.calls) == calls + 1  # re-read once, after the cached secret failed
    [message] = github.pull(expect=1)
    assert message.data == GITHUB.body
    manager.down = True
    secrets_down = server.post("/", GITHUB.body, headers)
    assert secrets_down.status_code == 200  # the cached (new) secret still verifies


def test_secret_manager_down_at_start_is_503(manager, emulator, server_factory):
    manager.down = True
    server = server_factory(
        "github",
        {
            "PUBSUB_EMULATOR_HOST": emulator.host,
            "GITHUB_WEBHOOK_SECRET": NAME,
            "SECRET_MANAGER_ENDPOINT": f"127.0.0.1:{manager.port}",
        },
        name="github-secret-manager-down",
    )
    headers = {"Content-Type": GITHUB.content_type, **GITHUB.headers, **GITHUB.sign(GITHUB.body, int(time.time()))}
    response = server.post("/", GITHUB.body, headers)
    assert response.status_code == 503 and response.headers.get("Retry-After")
    assert len(response.content) <= 64 and b"Traceback" not in response.content
