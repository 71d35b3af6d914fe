"""Reject and its subclasses: every refusal, with the HTTP status it answers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar


class Reject(Exception):
    """A delivery we refuse. `status` is the answer; `reason` goes to the log only."""

    status: ClassVar[int] = 400
    headers: ClassVar[Mapping[str, str]] = {}

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class BadRequest(Reject):
    status = 400


class Unauthorized(Reject):
    status = 401


class NotFound(Reject):
    status = 404


class MethodNotAllowed(Reject):
    status = 405


class TooLarge(Reject):
    status = 413


class NotConfigured(Reject):
    """A required variable is missing: 503 so the provider retries; the name is logged."""

    status = 503

    def __init__(self, variable: str) -> None:
        super().__init__("missing_config")
        self.variable = variable


class Unavailable(Reject):
    """Pub/Sub did not take the message in time: the provider must retry."""

    status = 503
    headers = {"Retry-After": "10"}


class Forbidden(Reject):
    """A handshake that names the wrong token (Meta's `hub.verify_token`)."""

    status = 403
