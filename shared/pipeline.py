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
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from http import HTTPStatus
from urllib.parse import parse_qsl

from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response

from shared import bodies, log, publisher, secrets
from shared.delivery import Delivery
from shared.encoding import decoded
from shared.errors import BadRequest, MethodNotAllowed, NotConfigured, NotFound, Reject, TooLarge, Unauthorized
from shared.limits import DEFAULT_MAX_BODY_BYTES, max_body_bytes
from shared.message import attributes, clip, merge
from shared.provider import Answer, Provider, Read
from shared.schemes import pure
from shared.secrets import Secrets

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


@dataclass(slots=True)
class _Large:
    """A body too large for a message, read no further than `head`: for the claim check."""

    bucket: str
    head: list[bytes]
    rest: AsyncIterator[bytes]
    limit: int
    declared: int | None


async def _read(request: Request, bucket: str | None) -> bytes | _Large:
    """The raw body, bounded before it is read: by Content-Length, and for chunked bodies while reading.

    With a bucket, a body past what a message takes is left unread, as `_Large`: at once
    when Content-Length says so, or once a chunked body grows past it.
    """
    limit = max_body_bytes()
    text = (request.headers.get("content-length") or "").strip()
    declared = int(text) if text.isdigit() else None
    if declared is not None and declared > limit:
        raise TooLarge("too_large")
    stream = request.stream()
    if bucket and declared is not None and declared > DEFAULT_MAX_BODY_BYTES:
        return _Large(bucket, [], stream, limit, declared)
    chunks: list[bytes] = []
    size = 0
    async for chunk in stream:
        size += len(chunk)
        if size > limit:
            raise TooLarge("too_large")
        chunks.append(chunk)
        if bucket and size > DEFAULT_MAX_BODY_BYTES:
            return _Large(bucket, chunks, stream, limit, declared)
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
    # A provider that publishes a payload of its own (a pushed message) has nothing to store.
    body = await _read(request, bodies.bucket() if provider.payload is None else None)
    if isinstance(body, _Large):
        return await _claim_check(provider, request, outcome, state, body)
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
    except ClientDisconnect:
        # Gone mid-body: nobody reads this answer; whatever was uploaded was cancelled.
        outcome.outcome = "disconnected"
        outcome.reason = "client_disconnected"
        response = _refusal(BadRequest("client_disconnected"), closing=True)
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


# Neither JSON nor UTF-8: a fact reader that needs the body raises on it (bad_json, bad_form).
_UNREAD = b"\xff"


def _facts(provider: Provider, bare: Delivery) -> dict[str, str] | None:
    """The message's attributes when the headers and URL give them all, else None."""
    try:
        return attributes(provider, replace(bare, body=_UNREAD))
    except Exception:  # noqa: BLE001 - a reader that needs the body: it will be held
        return None


async def _secrets(provider: Provider) -> Secrets:
    if secrets.ready(provider.id, provider.secret):
        return secrets.load(provider.id, provider.secret)
    return await asyncio.to_thread(secrets.load, provider.id, provider.secret)


async def _claim_check(
    provider: Provider, request: Request, outcome: log.Outcome, state: dict[str, bool], large: _Large
) -> Response:
    """A body too large for a message: into Cloud Storage, then a message that names it (issue 14).

    Where the scheme can check the body as it streams (an HMAC over the body between parts
    the headers give) and the headers give every attribute, the body goes to its object as it
    is read and is never held. Otherwise it is held, within the instance's byte budget, and
    verified as any other before it is written. Either way the object exists only once the
    signature verified, and the message is published only once the object is complete.
    """
    if request.method not in provider.methods:
        raise MethodNotAllowed("wrong_method")
    deadline_at = time.monotonic() + provider.deadline
    bare = _delivery(provider, request, b"")
    stream = getattr(provider.verify, "stream", None)
    check = stream(bare, await _secrets(provider)) if stream is not None else None
    facts = _facts(provider, bare) if check is not None else None
    if check is None or facts is None:
        return await _held(provider, request, outcome, state, large, deadline_at)
    outcome.event_type = facts.get("event_type")
    outcome.delivery_id = facts.get("delivery_id")
    head = sum(map(len, large.head))
    reserved = head + 2 * bodies.CHUNK_BYTES
    await bodies.budget.reserve(reserved, _patience(deadline_at))
    upload = _upload(provider, bare, facts["ce-id"], large.bucket, deadline_at)
    try:
        await upload.start()
        for chunk in large.head:
            check.update(chunk)
            await upload.write(chunk)
        large.head.clear()
        bodies.budget.release(head)
        reserved -= head
        async for chunk in large.rest:
            if upload.size + len(chunk) > large.limit:
                raise TooLarge("too_large")
            check.update(chunk)
            await upload.write(chunk)
        state["read"] = True
        outcome.body_bytes = upload.size
        check.verify()
        answer = _handshake(provider, bare)
        if answer is not None:
            outcome.outcome = "handshake"
            await upload.abort()
            return _answer(answer)
        await upload.commit()
    except BaseException:
        await asyncio.shield(upload.abort())
        raise
    finally:
        bodies.budget.release(reserved)
    return await _publish_stored(provider, bare, facts, upload, outcome, deadline_at)


async def _held(
    provider: Provider,
    request: Request,
    outcome: log.Outcome,
    state: dict[str, bool],
    large: _Large,
    deadline_at: float,
) -> Response:
    """A large body whose scheme or facts need it whole: read within the budget, verified, then stored."""
    # The chunks and their join: two copies at the moment of joining.
    reserved = 2 * (large.declared or large.limit)
    await bodies.budget.reserve(reserved, _patience(deadline_at))
    try:
        chunks = large.head
        size = sum(map(len, chunks))
        async for chunk in large.rest:
            size += len(chunk)
            if size > large.limit:
                raise TooLarge("too_large")
            chunks.append(chunk)
        body = b"".join(chunks)
        chunks.clear()
        state["read"] = True
        outcome.body_bytes = size
        delivery = _delivery(provider, request, body)
        decided = await _verified(provider, delivery, outcome)
        if isinstance(decided, Answer):
            return _answer(decided)
        upload = _upload(provider, delivery, decided.attributes["ce-id"], large.bucket, deadline_at)
        try:
            await upload.start()
            for start in range(0, len(body), bodies.CHUNK_BYTES):
                await upload.write(body[start : start + bodies.CHUNK_BYTES])
            await upload.commit()
        except BaseException:
            await asyncio.shield(upload.abort())
            raise
    finally:
        bodies.budget.release(reserved)
    return await _publish_stored(provider, delivery, decided.attributes, upload, outcome, deadline_at)


def _patience(deadline_at: float) -> float:
    # Waiting for budget leaves the body in the kernel's buffers; half of what is left of the
    # deadline leaves the other half for the upload and the publish.
    return max(0.0, (deadline_at - time.monotonic()) / 2)


def _upload(provider: Provider, delivery: Delivery, ce_id: str, bucket: str, deadline_at: float) -> bodies.Upload:
    name = bodies.object_name(provider.id, ce_id, delivery.received_at)
    return bodies.Upload(bucket, name, delivery.header("Content-Type") or "application/octet-stream", deadline_at)


def _handshake(provider: Provider, bare: Delivery) -> Answer | None:
    # A handshake told by its headers (GitHub's ping); one that needs the body is never 10 MB.
    if provider.handshake is None:
        return None
    try:
        return provider.handshake(replace(bare, body=_UNREAD))
    except Reject:
        return None


async def _publish_stored(
    provider: Provider,
    delivery: Delivery,
    facts: dict[str, str],
    upload: bodies.Upload,
    outcome: log.Outcome,
    deadline_at: float,
) -> Response:
    """The message naming a stored body: §4's attributes plus body-uri, body-sha256, body-bytes; no data."""
    message = {**facts, "body-uri": upload.uri, "body-sha256": upload.sha256, "body-bytes": str(upload.size)}
    outcome.body_uri = upload.uri
    # What is left of the provider's deadline; if Pub/Sub fails now the object stays without a
    # message until the lifecycle rule deletes it, and the provider's retry finds it stored.
    remaining = max(0.5, deadline_at - time.monotonic())
    outcome.message_id = await publisher.publish(publisher.topic_path(provider.id), b"", message, remaining)
    outcome.outcome = "published"
    # A streamed body's delivery has none: acks that read it are those of schemes that hold it.
    ack = provider.ack(delivery) if callable(provider.ack) else provider.ack
    return _answer(ack)


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
