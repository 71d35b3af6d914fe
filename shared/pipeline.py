"""receive(): read → verify → handshake → publish → acknowledge; entry points and the router.

The functions are async (functions-framework's ASGI mode, chosen by `functions_framework.aio`
in main.py): a delivery waiting for Pub/Sub holds no thread, and the server is uvicorn.
Verification runs on the event loop when it cannot block (a shared scheme, secrets in
memory), in a worker thread otherwise (the first Secret Manager read, certificate fetches).
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import Response

from shared import log, publisher, secrets
from shared.delivery import Delivery
from shared.encoding import decoded
from shared.errors import MethodNotAllowed, NotConfigured, NotFound, Reject, TooLarge, Unauthorized
from shared.limits import max_body_bytes
from shared.message import attributes, clip, merge
from shared.provider import Answer, Provider, Read
from shared.schemes import pure

Handler = Callable[[Request], Awaitable[Response]]


def _response(status: int, body: bytes | str, content_type: str, headers: Mapping[str, str]) -> Response:
    # The content type exactly as declared (starlette would add a charset to text/*).
    return Response(body, status_code=status, headers={"Content-Type": content_type, **headers})


def _answer(answer: Answer) -> Response:
    return _response(answer.status, answer.body, answer.content_type, answer.headers)


def _refusal(error: Reject, closing: bool) -> Response:
    response = _response(error.status, HTTPStatus(error.status).phrase, "text/plain; charset=utf-8", error.headers)
    if closing:
        # The body was not read (too large, or refused before reading): end the
        # connection rather than leave an unbounded upload on it.
        response.headers["Connection"] = "close"
    return response


async def _read(request: Request) -> bytes:
    """The raw body, bounded before it is read: by Content-Length, and for chunked bodies while reading."""
    limit = max_body_bytes()
    declared = request.headers.get("content-length")
    if declared is not None and declared.strip().isdigit() and int(declared) > limit:
        raise TooLarge("too_large")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise TooLarge("too_large")
        chunks.append(chunk)
    return b"".join(chunks)


def _delivery(provider: Provider, request: Request, body: bytes) -> Delivery:
    query_string: bytes = request.scope.get("query_string", b"")
    query: dict[str, str] = {}
    for key, value in parse_qsl(query_string.decode("latin-1"), keep_blank_values=True):
        query.setdefault(key, value)  # the first value, as werkzeug's args.get gives
    return Delivery(
        provider=provider.id,
        method=request.method,
        path=request.url.path,
        headers=request.headers,
        body=body,
        query=query,
        query_string=query_string,
        scheme=request.url.scheme,
        host=request.headers.get("host", ""),
    )


@dataclass(slots=True)
class _Publish:
    topic: str
    data: bytes
    attributes: dict[str, str]


def _decide(provider: Provider, delivery: Delivery, outcome: log.Outcome, fresh: bool) -> Answer | _Publish:
    """Everything between reading and publishing: verify, handshake, the message."""
    provider.verify(delivery, secrets.load(provider.id, provider.secret, fresh=fresh))
    readable = decoded(delivery, provider.encodings)  # the body inflated, where it came compressed
    if provider.handshake is not None:
        answer = provider.handshake(readable)
        if answer is not None:
            outcome.outcome = "handshake"
            return answer
    message = attributes(provider, readable)
    data = delivery.body
    if provider.payload is not None:
        data, extra = provider.payload(delivery)
        message = merge(message, extra)
    outcome.event_type = message.get("event_type")
    outcome.delivery_id = message.get("delivery_id")
    return _Publish(publisher.topic_path(provider.id), data, message)


def _inline(provider: Provider) -> bool:
    """Whether deciding cannot block: a shared scheme, secrets in memory, the project known."""
    return (
        pure(provider.verify) and secrets.ready(provider.id, provider.secret) and publisher.known_project() is not None
    )


def _from_headers(read: Read, delivery: Delivery) -> str | None:
    # Only what the headers say: the body was never read. Unverified, so clipped; a
    # reader that needs the body fails on the empty one, and that is simply no value.
    try:
        value = read(delivery)
    except Exception:  # noqa: BLE001 - a fact for the log line, never a reason to fail
        return None
    return clip(value) if value else None


def _oversize(provider: Provider, request: Request, outcome: log.Outcome) -> None:
    """What an operator needs to find a refused oversize delivery at its provider; never the body."""
    outcome.outcome = "oversize"
    declared = (request.headers.get("content-length") or "").strip()
    outcome.declared_bytes = int(declared) if declared.isdigit() else None  # None: chunked, cut off
    outcome.max_body_bytes = max_body_bytes()
    # An empty JSON object for a body: readers of the body find nothing, header readers their value.
    headers_only = _delivery(provider, request, b"{}")
    # Known already where the body was read and verified (too large for Pub/Sub itself).
    outcome.delivery_id = outcome.delivery_id or _from_headers(provider.delivery_id, headers_only)
    outcome.event_type = outcome.event_type or _from_headers(provider.event_type, headers_only)


async def _verified(provider: Provider, delivery: Delivery, outcome: log.Outcome) -> Answer | _Publish:
    try:
        if _inline(provider):
            return _decide(provider, delivery, outcome, fresh=False)
        return await asyncio.to_thread(_decide, provider, delivery, outcome, False)
    except Unauthorized:
        # The secret may have been rotated in Secret Manager or its mounted file:
        # read it again (rate-limited, in a thread: it is I/O) before refusing.
        if not secrets.has_references(provider.id, provider.secret):
            raise
        return await asyncio.to_thread(_decide, provider, delivery, outcome, True)


async def _handle(provider: Provider, request: Request, outcome: log.Outcome, state: dict[str, bool]) -> Response:
    body = await _read(request)
    state["read"] = True
    outcome.body_bytes = len(body)
    delivery = _delivery(provider, request, body)
    if provider.challenge is not None:
        answer = provider.challenge(delivery)
        if answer is not None:
            outcome.outcome = "handshake"
            return _answer(answer)
    if request.method not in provider.methods:
        raise MethodNotAllowed("wrong_method")
    decided = await _verified(provider, delivery, outcome)
    if isinstance(decided, Answer):
        return _answer(decided)
    outcome.message_id = await publisher.publish(decided.topic, decided.data, decided.attributes, provider.deadline)
    outcome.outcome = "published"
    ack = provider.ack(delivery) if callable(provider.ack) else provider.ack
    return _answer(ack)


async def receive(provider: Provider, request: Request) -> Response:
    """Answer one delivery for `provider`; never raises, logs exactly one line."""
    started = time.perf_counter()
    outcome = log.Outcome(provider=provider.id)
    state = {"read": False}
    response: Response | None = None
    try:
        response = await _handle(provider, request, outcome, state)
    except Reject as error:
        outcome.reason = error.reason
        outcome.variable = getattr(error, "variable", None)
        if error.status == 503 and not isinstance(error, NotConfigured):
            outcome.outcome = "unavailable"
        if isinstance(error, TooLarge):
            _oversize(provider, request, outcome)
        response = _refusal(error, closing=isinstance(error, TooLarge) or not state["read"])
        if isinstance(error, MethodNotAllowed):
            response.headers["Allow"] = ", ".join(provider.methods)
    except Exception as error:  # noqa: BLE001 - the last resort: a 500 is always our bug
        outcome.outcome = "error"
        outcome.reason = type(error).__name__
        response = _refusal(_InternalError("internal_error"), closing=not state["read"])
    finally:
        outcome.status = response.status_code if response is not None else 500
        if outcome.status >= 500:
            # Only the provider can send this delivery again; one that never retries loses it
            # (issue 16.5). A 500 stays `error`: that outcome alone means a bug of ours.
            outcome.retries = provider.retries.word
            if provider.retries.retries is False and outcome.outcome != "error":
                outcome.outcome = "lost"
        outcome.latency_ms = round((time.perf_counter() - started) * 1000, 2)
        log.emit(outcome, log.trace(request.headers.get("X-Cloud-Trace-Context"), publisher.known_project()))
    if response is not None and provider.answer_headers:
        _add_answer_headers(provider, response)
    return response


def _add_answer_headers(provider: Provider, response: Response) -> None:
    """The provider's `answer_headers` whose settings are set, on this answer whatever it is."""
    for name, what in provider.answer_headers.items():
        value = os.environ.get(secrets.variable_name(provider.id, what), "").strip()
        try:
            if value:
                response.headers[name] = value
        except (UnicodeEncodeError, ValueError):
            pass  # a value no header can carry is left out, never a 500


class _InternalError(Reject):
    status = 500


def entry_point(provider: Provider) -> Handler:
    """The HTTP function for one provider, named by its id."""

    async def function(request: Request) -> Response:
        return await receive(provider, request)

    function.__name__ = function.__qualname__ = provider.id
    function.__doc__ = f"Receive {provider.id} webhooks ({provider.docs})."
    return function


def router(providers: Mapping[str, Provider]) -> Handler:
    """One function for every provider, routed by the first path segment (`POST /github`)."""

    async def webhooks(request: Request) -> Response:
        name = request.url.path.strip("/").split("/", 1)[0]
        provider = providers.get(name)
        if provider is None:
            log.emit(log.Outcome(provider="unknown", reason="unknown_provider", status=404))
            return _refusal(NotFound("unknown_provider"), closing=True)
        return await receive(provider, request)

    return webhooks
