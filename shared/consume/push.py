"""`consume`: the HTTP function a Pub/Sub push subscription calls; runs the matching handlers once.

Answers (contract section 7): 200 when every matching handler returned, when none matches
and when the event was already handled; 500 when a handler raised and 503 (Retry-After)
while another copy holds the event or Firestore does not answer, so Pub/Sub redelivers
with backoff and at last dead-letters; 400 only for what Pub/Sub never sends, 401 for a
bad push token (checked when CONSUME_SERVICE_ACCOUNTS is set). One log line per push.
"""

from __future__ import annotations

import asyncio
import os
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from http import HTTPStatus
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response

from shared import log, publisher, secrets
from shared.consume import dedup, registry
from shared.consume.event import Event
from shared.delivery import Delivery
from shared.envelope import pushed
from shared.errors import MethodNotAllowed, NotConfigured, Reject, TooLarge
from shared.google_token import GoogleToken

# A push of Pub/Sub's largest message: 10 MB of data, base64 (4/3), its attributes and the envelope.
MAX_PUSH_BYTES = 14_000_000
# Handlers are user code and may block: they run on these threads, never on the event loop
# (asyncio's default pool is cpu_count + 4 threads: 5 on a 1-vCPU instance, below deploy.sh's concurrency).
THREADS = 32
_executor = ThreadPoolExecutor(max_workers=THREADS, thread_name_prefix="consume")
_ROOT = Path(__file__).resolve().parent.parent.parent
_CHECK = GoogleToken()


async def _read(request: Request) -> bytes:
    declared = request.headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > MAX_PUSH_BYTES:
        raise TooLarge("too_large")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_PUSH_BYTES:
            raise TooLarge("too_large")
        chunks.append(chunk)
    return b"".join(chunks)


def _where(registration: registry.Registration, error: Exception) -> str:
    """The exception's type and the line it came from; never its message, which may hold event data."""
    frames = traceback.extract_tb(error.__traceback__)
    where = ""
    if frames:
        path = Path(frames[-1].filename)
        shown = path.relative_to(_ROOT) if path.is_relative_to(_ROOT) else path.name
        where = f" at {shown}:{frames[-1].lineno}"
    return f"{type(error).__name__} in {registration.name}{where}"


def process(event: Event, outcome: log.Outcome) -> int:
    """Claim the event, run its handlers not yet done, record the result: the HTTP status."""
    registry.load()
    matched = registry.matching(event.provider, event.type)
    if not matched:
        outcome.outcome = "unmatched"
        return 200
    claim = dedup.claim(event, [r.name for r in matched])
    if claim is None:
        outcome.outcome = "duplicate"
        return 200
    outcome.writes = 1 if claim.ref is not None else 0
    succeeded: list[str] = []
    failures: list[str] = []
    for registration in matched:
        if registration.name in claim.done:
            continue
        try:
            registration.function(event)
        except Exception as error:  # noqa: BLE001 - a handler's failure is the event's, answered 500
            failures.append(_where(registration, error))
        else:
            succeeded.append(registration.name)
    outcome.handlers = len(succeeded) + len(failures)
    recorded = dedup.finish(claim, succeeded, failed=bool(failures))
    outcome.writes += 1 if claim.ref is not None and recorded else 0
    if failures:
        outcome.outcome = "failed"
        outcome.reason = "handler_raised"
        outcome.error = "; ".join(failures)
        return 500
    outcome.outcome = "handled"
    if not recorded:
        # The handlers ran: ack. Only a later copy, after the lease, could run them again.
        outcome.reason = "not_recorded"
    return 200


def _check_token(delivery: Delivery) -> None:
    # Unset: no check here; in production Cloud Run's IAM admits only the push service account.
    if os.environ.get("CONSUME_SERVICE_ACCOUNTS", "").strip():
        _CHECK(delivery, secrets.load("consume", "SERVICE_ACCOUNTS"))


async def _handle(request: Request, outcome: log.Outcome) -> Response:
    if request.method != "POST":
        raise MethodNotAllowed("wrong_method")
    body = await _read(request)
    outcome.body_bytes = len(body)
    delivery = Delivery(
        provider="consume",
        method=request.method,
        path=request.url.path,
        headers=request.headers,
        body=body,
        query_string=request.scope.get("query_string", b""),
        scheme=request.url.scheme,
        host=request.headers.get("host", ""),
    )
    await asyncio.to_thread(_check_token, delivery)
    event = Event.from_push(pushed(delivery))
    outcome.provider = event.provider or "consume"
    outcome.event_type = event.type or None
    outcome.delivery_id = event.id
    outcome.source = event.source
    outcome.message_id = event.message_id
    outcome.attempt = event.attempt
    loop = asyncio.get_running_loop()
    status = await loop.run_in_executor(_executor, process, event, outcome)
    return Response(outcome.outcome, status_code=status, media_type="text/plain")


async def consume(request: Request) -> Response:
    """Run the handlers for one pushed message; never raises, logs exactly one line."""
    started = time.perf_counter()
    outcome = log.Outcome(provider="consume")
    response: Response | None = None
    try:
        response = await _handle(request, outcome)
    except Reject as error:
        outcome.reason = error.reason
        outcome.variable = getattr(error, "variable", None)
        if error.status == 503 and not isinstance(error, NotConfigured):
            outcome.outcome = "in_progress" if isinstance(error, dedup.InProgress) else "unavailable"
        response = Response(HTTPStatus(error.status).phrase, status_code=error.status, headers=dict(error.headers))
        if isinstance(error, MethodNotAllowed):
            response.headers["Allow"] = "POST"
        if isinstance(error, TooLarge):
            response.headers["Connection"] = "close"
    except Exception as error:  # noqa: BLE001 - the last resort: a 500 is always our bug (or a handler import)
        outcome.outcome = "error"
        outcome.reason = type(error).__name__
        response = Response("Internal Server Error", status_code=500)
    finally:
        outcome.status = response.status_code if response is not None else 500
        outcome.latency_ms = round((time.perf_counter() - started) * 1000, 2)
        log.emit(outcome, log.trace(request.headers.get("X-Cloud-Trace-Context"), publisher.known_project()))
    return response
