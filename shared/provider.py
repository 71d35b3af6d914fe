"""Provider: one webhook sender as a frozen value, and the readers of its facts."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from shared.delivery import Delivery
from shared.schemes import Verify

Read = Callable[[Delivery], "str | None"]
"""Where a fact (event type, delivery id, source) lives in a delivery."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Answer:
    """A fixed HTTP answer: status, body and content type."""

    status: int = 200
    body: bytes = b""
    content_type: str = "text/plain; charset=utf-8"
    headers: Mapping[str, str] = field(default_factory=dict)


EMPTY_200 = Answer()


def nothing(delivery: Delivery) -> str | None:
    """-"""
    return None


def header(name: str) -> Read:
    """Read a fact from a request header."""

    def read(delivery: Delivery) -> str | None:
        return delivery.header(name)

    read.__doc__ = f"`{name}` header"
    return read


def _dig(document: Any, path: str) -> str | None:
    for key in path.split("."):
        if not isinstance(document, dict):
            return None
        document = document.get(key)
    if document is None or isinstance(document, dict | list):
        return None
    return str(document)


def json_field(path: str) -> Read:
    """Read a fact from the JSON body by dotted path (`event.type`); absent is None."""

    def read(delivery: Delivery) -> str | None:
        return _dig(delivery.json(), path)

    read.__doc__ = f"body `{path}`"
    return read


def form_field(name: str) -> Read:
    """Read a fact from a form-encoded body."""

    def read(delivery: Delivery) -> str | None:
        return delivery.form().get(name) or None

    read.__doc__ = f"form field `{name}`"
    return read


def first(*readers: Read) -> Read:
    """The first reader that finds something."""

    def read(delivery: Delivery) -> str | None:
        for reader in readers:
            value = reader(delivery)
            if value:
                return value
        return None

    read.__doc__ = ", else ".join(describe(reader) for reader in readers)
    return read


def constant(value: str) -> Read:
    """A fact that is the same for every delivery."""

    def read(delivery: Delivery) -> str | None:
        return value

    read.__doc__ = f"always `{value}`"
    return read


def describe(read: Read) -> str:
    """Where a reader looks, for the README table: the first line of its docstring."""
    return (read.__doc__ or "").strip().splitlines()[0].rstrip(".") if read.__doc__ else "-"


@dataclass(frozen=True, slots=True, kw_only=True)
class Retries:
    """What a provider does when the answer is not 2xx, as its docs say; None where no source says."""

    retries: bool | None  # True: re-sends on its own; False: never (a 5xx loses the event); None: unknown
    on: str = ""  # which answers or failures it re-sends
    schedule: str = ""  # how often and for how long
    resigned: bool | None = None  # each attempt carries a new timestamp and signature
    disables: str = ""  # what becomes of an endpoint that keeps failing
    source: str  # the page (or code) these facts come from

    @property
    def word(self) -> str:
        """`yes`, `no` or `unknown`: the README column and the log field."""
        return {True: "yes", False: "no", None: "unknown"}[self.retries]


Handshake = Callable[[Delivery], "Answer | None"]
"""Returns the provider's expected answer when the delivery is a handshake, else None."""

Payload = tuple[bytes, Mapping[str, str]]
"""What to publish instead of the body: the data, and attributes to add to ours."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Provider:
    """Everything the pipeline needs to know about one webhook sender."""

    id: str
    docs: str
    verify: Verify
    secret: str = "WEBHOOK_SECRET"
    event_type: Read = nothing
    delivery_id: Read = nothing
    source: Read = nothing
    time: Read = nothing
    retry: Read = nothing
    handshake: Handshake | None = None
    challenge: Handshake | None = None
    ack: Answer | Callable[[Delivery], Answer] = EMPTY_200
    methods: tuple[str, ...] = ("POST",)
    timeout: float = 10.0
    summary: str = ""
    variables: tuple[str, ...] = ()
    # What to publish instead of the raw body (Pub/Sub push: the inner message's data and
    # attributes); None publishes the body byte for byte.
    payload: Callable[[Delivery], Payload] | None = None
    attributes: Mapping[str, Read] = field(default_factory=dict)  # more plain message attributes
    # Whether a refusal is sent again: a 5xx to a provider that never retries loses the event.
    retries: Retries
    # Headers on every answer, each the value of a setting `<ID>_<WHAT>` when it is set
    # (Vercel's drains look for `x-vercel-verify` on the endpoint's answers).
    answer_headers: Mapping[str, str] = field(default_factory=dict)
    # Content-Encodings the sender may compress the body in (an option at the sender, Nylas's
    # `compressed_delivery`): once verified, the readers and the handshake read it inflated. It
    # is published as received; declare a `content-encoding` attribute to tell consumers.
    encodings: tuple[str, ...] = ()

    @property
    def deadline(self) -> float:
        """How long to wait for Pub/Sub: the provider's timeout, less margin for the rest."""
        # The floor lets a provider with a 1 s timeout (Sentry) still answer inside it.
        return max(0.5, min(self.timeout * 0.7, self.timeout - 0.8))


def first_item(path: str, within: str | None = None) -> Read:
    """Read a fact from the first event of a batch: a JSON array body (SendGrid, HubSpot), or
    the array at `within` in a JSON object body (`{"events": [...]}`: FastSpring, GoCardless)."""

    def read(delivery: Delivery) -> str | None:
        document = delivery.json()
        if within is not None:
            for key in within.split("."):
                document = document.get(key) if isinstance(document, dict) else None
        return _dig(document[0], path) if isinstance(document, list) and document else None

    where = "the body's first event" if within is None else f"the first of body `{within}`"
    read.__doc__ = f"`{path}` of {where}"
    return read
