"""Handlers for tests/test_consume.py, loaded by `consume` through CONSUME_HANDLERS.

Each run appends one JSON line to CONSUME_TEST_RECORD (O_APPEND: lines from two processes
never interleave), so a test counts runs across processes.
"""

from __future__ import annotations

import base64
import json
import os
import time

from shared.consume import Event, on


def record(name: str, event: Event) -> None:
    line = {
        "handler": name,
        "id": event.id,
        "source": event.source,
        "pid": os.getpid(),
        "body": base64.b64encode(event.body).decode(),
        "attributes": dict(event.attributes),
        "provider": event.provider,
        "type": event.type,
        "time": event.time.isoformat() if event.time else None,
    }
    descriptor = os.open(os.environ["CONSUME_TEST_RECORD"], os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    try:
        os.write(descriptor, (json.dumps(line) + "\n").encode())
    finally:
        os.close(descriptor)


def runs(name: str, event: Event) -> int:
    """How many times `name` has already run for this event, in any process."""
    try:
        with open(os.environ["CONSUME_TEST_RECORD"]) as file:
            lines = [json.loads(line) for line in file if line.strip()]
    except FileNotFoundError:
        return 0
    return sum(1 for line in lines if line["handler"] == name and line["id"] == event.id)


@on("github", "push")
def github_push(event: Event) -> None:
    record("github_push", event)


@on("test", "once")
def once(event: Event) -> None:
    # Long enough that every concurrent copy arrives while the first still runs.
    time.sleep(0.3)
    record("once", event)


@on("test", "flaky")
def flaky(event: Event) -> None:
    first = runs("flaky", event) == 0
    record("flaky", event)
    if first:
        raise RuntimeError("the first attempt fails")


@on("test", "partial")
def partial_ok(event: Event) -> None:
    record("partial_ok", event)


@on("test", "partial")
def partial_flaky(event: Event) -> None:
    flaky_first = runs("partial_flaky", event) == 0
    record("partial_flaky", event)
    if flaky_first:
        raise RuntimeError("the first attempt fails")


@on("test", "always")
def always(event: Event) -> None:
    record("always", event)
    raise RuntimeError("always fails")
