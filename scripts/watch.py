"""Print every message that reaches the emulator's webhook topics (used by scripts/local.sh).

    python scripts/watch.py [--push URL] [--create]

With `--push`, every topic also gets a push subscription to URL (the local `consume`), as
deploy.sh makes them in production (no dead-letter topic locally: a failing handler is
pushed again until it passes or local.sh stops). With `--create`, it makes the topics and
subscriptions and exits: local.sh does so before it serves `webhooks`, so that no delivery
reaches a topic before its subscriptions exist.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from google.api_core.exceptions import AlreadyExists  # noqa: E402
from google.cloud import pubsub_v1  # noqa: E402

from functions import PROVIDERS  # noqa: E402
from shared.publisher import topic_path  # noqa: E402


def stored(attributes) -> bytes:
    """A stored body as a handler reads it, or why it cannot be read."""
    from shared import bodies

    try:
        return bodies.fetch(attributes["body-uri"], attributes.get("body-sha256"))
    except Exception as error:  # noqa: BLE001 - a printer: say what went wrong and go on
        return f"(not readable: {type(error).__name__}: {error})".encode()


def main() -> None:
    parser = argparse.ArgumentParser(description="Print every message of the webhook topics.")
    parser.add_argument("--push", metavar="URL", help="also push every topic to this endpoint (consume)")
    parser.add_argument("--create", action="store_true", help="make the topics and subscriptions, then exit")
    arguments = parser.parse_args()
    push = arguments.push
    publisher, subscriber = pubsub_v1.PublisherClient(), pubsub_v1.SubscriberClient()
    project = os.environ["GOOGLE_CLOUD_PROJECT"]
    futures = []
    for provider in PROVIDERS:
        topic = topic_path(provider)
        subscription = f"projects/{project}/subscriptions/watch-{topic.rsplit('/', 1)[1]}"
        try:
            publisher.create_topic(name=topic)
        except AlreadyExists:
            pass
        try:
            subscriber.create_subscription(name=subscription, topic=topic)
        except AlreadyExists:
            pass
        if push:
            try:
                subscriber.create_subscription(
                    request={
                        "name": f"{subscription.replace('/watch-', '/consume-')}",
                        "topic": topic,
                        "push_config": {"push_endpoint": push},
                    }
                )
            except AlreadyExists:
                pass

        if arguments.create:
            continue

        def show(message, topic=topic) -> None:
            attributes = " ".join(f"{k}={v}" for k, v in sorted(message.attributes.items()))
            size, data = f"{len(message.data)} bytes", message.data
            if "body-uri" in message.attributes:
                # Too large for a message (issue 14): the body is in the bucket, read back and checked.
                size = f"{message.attributes['body-bytes']} bytes stored at {message.attributes['body-uri']}"
                data = stored(message.attributes)
            preview = data[:200].decode("utf-8", "replace")
            print(f"\n[pubsub] {topic.rsplit('/', 1)[1]} {size}\n  {attributes}\n  {preview}", flush=True)
            message.ack()

        futures.append(subscriber.subscribe(subscription, show))
    if arguments.create:
        return
    print(f"[pubsub] watching {len(futures)} topics" + (f", each pushed to {push}" if push else ""), flush=True)
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    main()
