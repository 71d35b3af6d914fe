"""receive(): read → verify → handshake → publish → acknowledge; entry points and the router."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Mapping
from http import HTTPStatus

import flask
from werkzeug.exceptions import RequestEntityTooLarge

from shared import log, publisher, secrets
from shared.delivery import Delivery
from shared.errors import MethodNotAllowed, NotConfigured, NotFound, Reject, TooLarge, Unauthorized
from shared.message import attributes, merge
from shared.provider import Answer, Provider

# Pub/Sub takes at most 10,000,000 bytes per publish request; leave room for the
# attributes (at most a dozen, each clipped to 1 KiB) and the request framing.
DEFAULT_MAX_BODY_BYTES = 9_900_000

Handler = Callable[[flask.Request], flask.Response]


def max_body_bytes() -> int:
    """MAX_BODY_BYTES, or just under Pub/Sub's request limit."""
    value = os.environ.get("MAX_BODY_BYTES", "").strip()
    try:
        return int(value) if value else DEFAULT_MAX_BODY_BYTES
    except ValueError:
        raise NotConfigured("MAX_BODY_BYTES") from None


def _closing(status: int, headers: Mapping[str, str]) -> flask.Response:
    """A refusal sent before the body is read: streamed and `Connection: close`.

    functions-framework reads the whole request after every non-streamed answer
    (`read_request`), so a plain early answer to an 11 MB upload would wait for all of it.
    """

    def body() -> Iterator[bytes]:
        yield HTTPStatus(status).phrase.encode()

    response = flask.Response(body(), status=status, content_type="text/plain; charset=utf-8")
    response.headers.update(headers)
    response.headers["Connection"] = "close"
    return response


def _answer(answer: Answer) -> flask.Response:
    response = flask.Response(answer.body, status=answer.status, content_type=answer.content_type)
    response.headers.update(answer.headers)
    return response


def _refusal(error: Reject) -> flask.Response:
    response = flask.Response(
        HTTPStatus(error.status).phrase, status=error.status, content_type="text/plain; charset=utf-8"
    )
    response.headers.update(error.headers)
    return response


def _read(request: flask.Request) -> bytes:
    """The raw body, bounded before it is read: by Content-Length, and for chunked bodies while reading."""
    limit = max_body_bytes()
    if request.content_length is not None and request.content_length > limit:
        raise TooLarge("too_large")
    # werkzeug's bounded stream stops quietly at the bound, so a longer chunked body
    # would come back cut short: allow one byte more and refuse if it arrives.
    request.max_content_length = limit + 1
    try:
        body = request.get_data(cache=True)
    except RequestEntityTooLarge:
        raise TooLarge("too_large") from None
    if len(body) > limit:
        raise TooLarge("too_large")
    return body


def _body_read(request: flask.Request) -> bool:
    # werkzeug keeps the body it read in `_cached_data`; until then an answer must
    # close the connection rather than let the framework drain an unbounded body.
    return getattr(request, "_cached_data", None) is not None


def _delivery(provider: Provider, request: flask.Request, body: bytes) -> Delivery:
    return Delivery(
        provider=provider.id,
        method=request.method,
        path=request.path,
        headers=request.headers,
        body=body,
        query=request.args,
        query_string=request.query_string,
        scheme=request.scheme,
        host=request.host,
    )


def _verify(provider: Provider, delivery: Delivery) -> None:
    try:
        provider.verify(delivery, secrets.load(provider.id, provider.secret))
    except Unauthorized:
        # The secret may have been rotated in Secret Manager or its mounted file:
        # read it again (rate-limited) before refusing.
        if not secrets.has_references(provider.id, provider.secret):
            raise
        provider.verify(delivery, secrets.load(provider.id, provider.secret, fresh=True))


def _handle(provider: Provider, request: flask.Request, outcome: log.Outcome) -> flask.Response:
    body = _read(request)
    outcome.body_bytes = len(body)
    delivery = _delivery(provider, request, body)
    if provider.challenge is not None:
        answer = provider.challenge(delivery)
        if answer is not None:
            outcome.outcome = "handshake"
            return _answer(answer)
    if request.method not in provider.methods:
        raise MethodNotAllowed("wrong_method")
    _verify(provider, delivery)
    if provider.handshake is not None:
        answer = provider.handshake(delivery)
        if answer is not None:
            outcome.outcome = "handshake"
            return _answer(answer)
    message = attributes(provider, delivery)
    data = body
    if provider.payload is not None:
        data, extra = provider.payload(delivery)
        message = merge(message, extra)
    outcome.event_type = message.get("event_type")
    outcome.delivery_id = message.get("delivery_id")
    outcome.message_id = publisher.publish(publisher.topic_path(provider.id), data, message, provider.deadline)
    outcome.outcome = "published"
    ack = provider.ack(delivery) if callable(provider.ack) else provider.ack
    return _answer(ack)


def receive(provider: Provider, request: flask.Request) -> flask.Response:
    """Answer one delivery for `provider`; never raises, logs exactly one line."""
    started = time.perf_counter()
    outcome = log.Outcome(provider=provider.id)
    response: flask.Response | None = None
    try:
        response = _handle(provider, request, outcome)
    except Reject as error:
        outcome.reason = error.reason
        outcome.variable = getattr(error, "variable", None)
        if error.status == 503 and not isinstance(error, NotConfigured):
            outcome.outcome = "unavailable"
        if isinstance(error, TooLarge) or not _body_read(request):
            response = _closing(error.status, error.headers)
        else:
            response = _refusal(error)
        if isinstance(error, MethodNotAllowed):
            response.headers["Allow"] = ", ".join(provider.methods)
    except Exception as error:  # noqa: BLE001 - the last resort: a 500 is always our bug
        outcome.outcome = "error"
        outcome.reason = type(error).__name__
        response = _refusal(_InternalError("internal_error"))
        if not _body_read(request):
            response = _closing(500, {})
    finally:
        outcome.status = response.status_code if response is not None else 500
        outcome.latency_ms = round((time.perf_counter() - started) * 1000, 2)
        log.emit(outcome, log.trace(request.headers.get("X-Cloud-Trace-Context"), publisher.known_project()))
    return response


class _InternalError(Reject):
    status = 500


def entry_point(provider: Provider) -> Callable[[flask.Request], flask.Response]:
    """The HTTP function for one provider, named by its id."""

    def function(request: flask.Request) -> flask.Response:
        return receive(provider, request)

    function.__name__ = function.__qualname__ = provider.id
    function.__doc__ = f"Receive {provider.id} webhooks ({provider.docs})."
    return function


def router(providers: Mapping[str, Provider]) -> Callable[[flask.Request], flask.Response]:
    """One function for every provider, routed by the first path segment (`POST /github`)."""

    def webhooks(request: flask.Request) -> flask.Response:
        name = request.path.strip("/").split("/", 1)[0]
        provider = providers.get(name)
        if provider is None:
            log.emit(log.Outcome(provider="unknown", reason="unknown_provider", status=404))
            return _closing(NotFound.status, {})
        return receive(provider, request)

    return webhooks
