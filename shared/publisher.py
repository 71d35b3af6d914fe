"""One lazily created PublisherClient, shared by every request; publish and wait."""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Mapping

from shared.errors import NotConfigured, TooLarge, Unavailable

_client = None
_project: str | None = None
_created: set[str] = set()
_lock = threading.Lock()


def client():
    """The process's PublisherClient, created on first use and reused across threads."""
    global _client
    if _client is None:
        with _lock:
            if _client is None:
                from google.cloud import pubsub_v1

                _client = pubsub_v1.PublisherClient(
                    # Latency over batching: a webhook waits for its own message.
                    batch_settings=pubsub_v1.types.BatchSettings(max_latency=0.005),
                    transport=_transport(),
                )
    return _client


# While Pub/Sub cannot be reached, gRPC waits longer and longer between attempts to
# reconnect, up to 120 s: after a 60 s outage the function went on answering 503 for 14 s
# once Pub/Sub was back (docs/reliability.md, Faults and load). Retry the connection every 2 s at most.
CHANNEL_OPTIONS = (("grpc.max_reconnect_backoff_ms", 2000),)


def _transport():
    """The client's gRPC transport, as the client would make it, plus CHANNEL_OPTIONS."""
    from google.pubsub_v1.services.publisher.transports import PublisherGrpcTransport

    emulator = os.environ.get("PUBSUB_EMULATOR_HOST")
    if emulator:
        import grpc

        return PublisherGrpcTransport(channel=grpc.insecure_channel(emulator, options=CHANNEL_OPTIONS))

    def channel(*args, options=(), **kwargs):
        return PublisherGrpcTransport.create_channel(*args, options=[*options, *CHANNEL_OPTIONS], **kwargs)

    return PublisherGrpcTransport(channel=channel, always_use_jwt_access=True)


def project() -> str | None:
    """GOOGLE_CLOUD_PROJECT, else the project of Application Default Credentials."""
    global _project
    value = os.environ.get("GOOGLE_CLOUD_PROJECT", "").strip()
    if value:
        return value
    if _project is None:
        try:
            import google.auth

            _project = google.auth.default()[1] or ""
        except Exception:
            _project = ""
    return _project or None


def known_project() -> str | None:
    """The project if already known, without asking for credentials (for log traces)."""
    return os.environ.get("GOOGLE_CLOUD_PROJECT", "").strip() or _project or None


def topic_id(provider: str) -> str:
    """The provider's topic id, `webhooks-<id>` with dashes (contract section 2); its dead
    letters go to `<topic id>-dead` (section 7)."""
    return f"webhooks-{provider.replace('_', '-')}"


def topic_path(provider: str) -> str:
    """`PUBSUB_TOPIC` (id or full path), else `webhooks-<id>`, in the configured project."""
    topic = os.environ.get("PUBSUB_TOPIC", "").strip() or topic_id(provider)
    if topic.startswith("projects/"):
        return topic
    name = project()
    if not name:
        raise NotConfigured("GOOGLE_CLOUD_PROJECT")
    return f"projects/{name}/topics/{topic}"


def _ensure_topic(path: str, deadline: float) -> None:
    # Only against the emulator: in production topics are infrastructure (deploy.sh).
    if path in _created or not os.environ.get("PUBSUB_EMULATOR_HOST"):
        return
    from google.api_core.exceptions import AlreadyExists

    try:
        client().create_topic(name=path, retry=None, timeout=deadline)
    except AlreadyExists:
        pass
    _created.add(path)


async def publish(path: str, data: bytes, attributes: Mapping[str, str], deadline: float) -> str:
    """Publish and wait until Pub/Sub has it; a failure or the deadline is a 503.

    The wait holds no thread: the library's future resolves on its own commit thread and
    wakes this coroutine on the event loop.
    """
    from google.api_core.exceptions import NotFound
    from google.api_core.retry import Retry
    from google.cloud.pubsub_v1.publisher.exceptions import MessageTooLargeError

    try:
        if path not in _created and os.environ.get("PUBSUB_EMULATOR_HOST"):
            await asyncio.to_thread(_ensure_topic, path, deadline)
        # Bound the client's own retries by the deadline too, so a stall cannot pile up
        # batches that keep retrying long after their senders were answered 503.
        future = client().publish(path, data, retry=Retry(timeout=deadline), timeout=deadline, **attributes)
        return await asyncio.wait_for(asyncio.wrap_future(future), deadline)
    except NotConfigured:
        raise
    except MessageTooLargeError:
        # Over Pub/Sub's 10 MB request (MAX_BODY_BYTES set above it): a 503 would have the
        # provider retry for ever; a 413 is what it is, and is logged as oversize.
        raise TooLarge("too_large_for_pubsub") from None
    except NotFound:
        # The topic is missing: deleted, misnamed, or an emulator started again with none.
        # Against the emulator, make it again on the next delivery.
        _created.discard(path)
        raise Unavailable("topic_not_found") from None
    except Exception:
        # Anything here (deadline, unavailable, permission) means the message is not
        # known to be stored: answer 503 so the provider sends it again.
        raise Unavailable("publish_failed") from None
