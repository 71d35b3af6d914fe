"""Secrets by reference, through the real Secret Manager client, against a local gRPC server.

Secret Manager has no emulator: this server implements AccessSecretVersion, enough for
the function's real client (google-cloud-secret-manager) pointed at it with
SECRET_MANAGER_ENDPOINT. End to end through a real functions-framework process.
"""

from __future__ import annotations

import threading
import time
from concurrent import futures

import pytest

from tests.samples.stripe import SAMPLE as STRIPE

SECRET = "projects/test-project/secrets/stripe-webhook-secret/versions/latest"
OLD, NEW = "whsec_before_rotation", "whsec_after_rotation"


class FakeSecretManager:
    """AccessSecretVersion over plaintext gRPC; values can change and the server can fail."""

    def __init__(self) -> None:
        import grpc
        from google.cloud.secretmanager_v1 import AccessSecretVersionRequest, AccessSecretVersionResponse

        self.values: dict[str, bytes] = {}
        self.calls: list[str] = []
        self.failing = False
        self._lock = threading.Lock()

        def access(request: AccessSecretVersionRequest, context) -> AccessSecretVersionResponse:
            with self._lock:
                self.calls.append(request.name)
                value = self.values.get(request.name)
            if self.failing:
                context.abort(grpc.StatusCode.UNAVAILABLE, "down")
            if value is None:
                context.abort(grpc.StatusCode.NOT_FOUND, "no such secret")
            return AccessSecretVersionResponse(name=request.name, payload={"data": value})

        handler = grpc.method_handlers_generic_handler(
            "google.cloud.secretmanager.v1.SecretManagerService",
            {
                "AccessSecretVersion": grpc.unary_unary_rpc_method_handler(
                    access,
                    request_deserializer=AccessSecretVersionRequest.deserialize,
                    response_serializer=AccessSecretVersionResponse.serialize,
                )
            },
        )
        self.server = grpc.server(futures.ThreadPoolExecutor(4))
        self.server.add_generic_rpc_handlers((handler,))
        self.port = self.server.add_insecure_port("127.0.0.1:0")
        self.server.start()


@pytest.fixture(scope="module")
def secret_manager():
    fake = FakeSecretManager()
    yield fake
    fake.server.stop(0)


@pytest.fixture(scope="module")
def stripe_by_reference(emulator, server_factory, secret_manager):
    secret_manager.values[SECRET] = OLD.encode()
    return server_factory(
        "stripe",
        {
            "PUBSUB_EMULATOR_HOST": emulator.host,
            "STRIPE_WEBHOOK_SECRET": SECRET,
            "SECRET_MANAGER_ENDPOINT": f"127.0.0.1:{secret_manager.port}",
            "SECRET_REFRESH_SECONDS": "1",
        },
        name="secret-manager",
    )


def send(server, secret: str):
    from stripe import WebhookSignature

    header = WebhookSignature.generate_signature_header(STRIPE.body.decode(), secret, int(time.time()))
    return server.post("/", STRIPE.body, {"Content-Type": "application/json", "Stripe-Signature": header})


def test_read_once_then_cached_and_rotated_without_redeploy(stripe_by_reference, secret_manager, topic) -> None:
    subscription = topic("stripe")
    assert send(stripe_by_reference, OLD).status_code == 200
    assert send(stripe_by_reference, OLD).status_code == 200
    assert secret_manager.calls.count(SECRET) == 1  # cached after first use

    # Rotation: a new version in Secret Manager. The first delivery signed with it fails
    # against the cached value, which makes the function read the secret again.
    secret_manager.values[SECRET] = NEW.encode()
    time.sleep(1.1)  # SECRET_REFRESH_SECONDS
    assert send(stripe_by_reference, NEW).status_code == 200
    assert secret_manager.calls.count(SECRET) == 2
    assert len(subscription.pull(expect=3)) == 3

    # A flood of bad signatures re-reads at most once per interval.
    for _ in range(5):
        assert send(stripe_by_reference, "whsec_forged").status_code == 401
    assert secret_manager.calls.count(SECRET) <= 3
    assert len(subscription.pull()) == 0


def test_secret_manager_down_is_503_not_401(emulator, server_factory, secret_manager, topic) -> None:
    secret_manager.failing = True
    try:
        server = server_factory(
            "stripe",
            {
                "PUBSUB_EMULATOR_HOST": emulator.host,
                "STRIPE_WEBHOOK_SECRET": SECRET,
                "SECRET_MANAGER_ENDPOINT": f"127.0.0.1:{secret_manager.port}",
            },
            name="secret-manager-down",
        )
        subscription = topic("stripe")
        response = send(server, NEW)
        assert response.status_code == 503  # the provider retries
        assert subscription.pull() == []
        assert "STRIPE_WEBHOOK_SECRET" in server.log_lines()[-1]
        assert "whsec" not in server.log.read_text()
    finally:
        secret_manager.failing = False
