"""The Firestore record that makes handlers run once per event: claim, then done (or failed).

One document per (`ce-source`, `ce-id`), its id a SHA-256 of the pair (Firestore ids
cannot hold `/`). Two writes per event when all goes well:

- claim: `create()`, which fails if the document exists, holding a lease (`lease`, now +
  CONSUME_LEASE_SECONDS), the Pub/Sub message id and `expires` (now + CONSUME_DEDUP_DAYS,
  for the TTL policy deploy.sh sets). Exactly one of any number of copies creates it.
- done: one update, with the names of the handlers that returned.

A copy that finds the document: every matching handler is in `done` → already handled;
a lease still running → 503, Pub/Sub brings it back (we never ack a copy on the strength of
another copy still running: if that one's instance dies, this copy may be the event's last);
failed, lease expired, or a handler not yet done (one added since) → taken over with an
update conditioned on the document's update time, so exactly one taker wins. A handler that
raised leaves `failed` and the names of those that returned: the next delivery runs only
the others.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from shared import publisher
from shared.consume.event import Event
from shared.errors import NotConfigured, Unavailable

DEFAULT_COLLECTION = "webhook-deliveries"
DEFAULT_DAYS = 7
DEFAULT_LEASE = 60
# Claiming, retries included, is bounded inside Pub/Sub's push deadline (10 s by default):
# unreachable or slow is a 503, and Pub/Sub redelivers later. A first call also opens the
# channel (the emulator's first answer took 3.6 s): 5 s, not less.
TIMEOUT = 5.0
# The least time given to a call that must still be made (finishing, checking a lost claim).
LEAST = 2.0

RUNNING, DONE, FAILED = "running", "done", "failed"


class InProgress(Unavailable):
    """Another copy of the event holds the lease: come back later (503, Retry-After)."""


@dataclass(frozen=True, slots=True)
class Claim:
    """The right to run an event's handlers: the ones already done, and what finishing needs."""

    ref: Any  # google.cloud.firestore.DocumentReference; None when deduplication is off
    done: frozenset[str]
    written: Any  # the claim write's update time, the precondition of a `failed` mark


def _number(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    try:
        number = int(value) if value else default
    except ValueError:
        raise NotConfigured(name) from None
    if number < 0:
        raise NotConfigured(name)
    return number


def days() -> int:
    """CONSUME_DEDUP_DAYS: how long a record is kept; 0 turns deduplication off."""
    return _number("CONSUME_DEDUP_DAYS", DEFAULT_DAYS)


def lease_seconds() -> int:
    """CONSUME_LEASE_SECONDS: how long a claim holds before another copy may take over."""
    return _number("CONSUME_LEASE_SECONDS", DEFAULT_LEASE) or DEFAULT_LEASE


def collection_name() -> str:
    """CONSUME_COLLECTION, else `webhook-deliveries`."""
    return os.environ.get("CONSUME_COLLECTION", "").strip() or DEFAULT_COLLECTION


def document_id(key: tuple[str, str]) -> str:
    """A Firestore-safe id for (`ce-source`, `ce-id`)."""
    source, event_id = key
    return hashlib.sha256(f"{source}\x00{event_id}".encode("utf-8", "surrogatepass")).hexdigest()


_client = None
_lock = threading.Lock()


def client():
    """The process's Firestore client (FIRESTORE_EMULATOR_HOST honoured), created on first use."""
    global _client
    if _client is None:
        with _lock:
            if _client is None:
                from google.cloud import firestore

                _client = firestore.Client(project=publisher.project())
    return _client


def reset() -> None:
    """Forget the client, so the next call reads FIRESTORE_EMULATOR_HOST and the project again."""
    global _client
    with _lock:
        _client = None


def _bounded(deadline: float) -> dict[str, Any]:
    """`retry` and `timeout` for one call, within what is left of `deadline` (monotonic)."""
    from google.api_core.retry import Retry, if_transient_error

    left = max(deadline - time.monotonic(), LEAST)
    return {
        "retry": Retry(predicate=if_transient_error, initial=0.1, maximum=1.0, multiplier=2.0, timeout=left),
        "timeout": left,
    }


def claim(event: Event, names: Iterable[str], now: datetime | None = None) -> Claim | None:
    """Claim the event for these handlers; None if every one of them already ran.

    Raises InProgress while another copy holds it, Unavailable when Firestore does not answer.
    """
    if days() == 0:
        return Claim(ref=None, done=frozenset(), written=None)
    from google.api_core.exceptions import AlreadyExists, FailedPrecondition

    deadline = time.monotonic() + TIMEOUT
    now = now or datetime.now(UTC)
    lease = now + timedelta(seconds=lease_seconds())
    ref = client().collection(collection_name()).document(document_id(event.key))
    holder = uuid.uuid4().hex
    record = {
        "state": RUNNING,
        "lease": lease,
        "holder": holder,
        "message": event.message_id,
        "done": [],
        "expires": now + timedelta(days=days()),
        "source": event.key[0],
        "id": event.key[1],
        "type": event.type,
    }
    try:
        result = ref.create(record, **_bounded(deadline))
        return Claim(ref=ref, done=frozenset(), written=result.update_time)
    except AlreadyExists:
        pass
    except Exception as error:
        return _ours(ref, holder, frozenset(), deadline, error)
    try:
        snapshot = ref.get(**_bounded(deadline))
    except Exception:
        raise Unavailable("firestore_unavailable") from None
    found = snapshot.to_dict() if snapshot.exists else None
    if found is None:
        # Expired and deleted between the two calls: the next delivery creates it afresh.
        raise InProgress("in_progress")
    done = frozenset(found.get("done") or ())
    if set(names) <= done:
        return None
    held = found.get("lease")
    if found.get("state") == RUNNING and held is not None and held > now:
        raise InProgress("in_progress")
    try:
        result = ref.update(
            {
                "state": RUNNING,
                "lease": lease,
                "holder": holder,
                "message": event.message_id,
                "expires": record["expires"],
            },
            option=client().write_option(last_update_time=snapshot.update_time),
            **_bounded(deadline),
        )
    except FailedPrecondition:
        raise InProgress("in_progress") from None  # another copy took it over first
    except Exception as error:
        return _ours(ref, holder, done, deadline, error)
    return Claim(ref=ref, done=done, written=result.update_time)


def _ours(ref: Any, holder: str, done: frozenset[str], deadline: float, error: Exception) -> Claim:
    """After a claim write that failed or timed out: ours if Firestore took it after all, else a 503.

    Without this a claim whose answer was lost would hold the event, unrun, for a whole lease.
    """
    from google.api_core.exceptions import RetryError, ServiceUnavailable

    last = error.cause if isinstance(error, RetryError) else error
    if isinstance(last, ServiceUnavailable):
        # Never reached Firestore (gRPC UNAVAILABLE: no connection): nothing can have been written.
        raise Unavailable("firestore_unavailable") from None
    try:
        snapshot = ref.get(**_bounded(deadline))  # at least LEAST, even past the deadline
    except Exception:
        raise Unavailable("firestore_unavailable") from None
    if snapshot.exists and snapshot.get("holder") == holder:
        return Claim(ref=ref, done=done, written=snapshot.update_time)
    raise Unavailable("firestore_unavailable")


def finish(claim: Claim, succeeded: Iterable[str], failed: bool) -> bool:
    """Record the outcome in one write; False if Firestore did not take it (logged, not retried)."""
    if claim.ref is None:
        return True
    from google.api_core.exceptions import FailedPrecondition

    done = sorted(claim.done | set(succeeded))
    deadline = time.monotonic() + TIMEOUT
    try:
        if failed:
            # Only while our claim is the latest write: after a takeover the record is the taker's.
            claim.ref.update(
                {"state": FAILED, "done": done},
                option=client().write_option(last_update_time=claim.written),
                **_bounded(deadline),
            )
        else:
            claim.ref.update({"state": DONE, "done": done}, **_bounded(deadline))
    except FailedPrecondition:
        return True
    except Exception:
        return False
    return True
