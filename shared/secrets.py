"""Secrets: `<ID>_<WHAT>` variables resolved from the environment, files or Secret Manager."""

from __future__ import annotations

import os
import re
import threading
import time
from dataclasses import dataclass, field

from shared.errors import NotConfigured, Unavailable

SECRET_VERSION = re.compile(r"^projects/[^/]+/secrets/[^/]+/versions/[^/]+$")
# A PEM block, kept whole: its line breaks may be real, CRLF, spaces (a console that folds
# lines) or the two characters `\n` (a .env file's escape).
PEM_BLOCK = re.compile(r"-----BEGIN ([A-Z0-9 ]+)-----.*?-----END \1-----", re.DOTALL)
# A failed verification may mean the secret was rotated; re-read references at most
# this often so a flood of bad signatures cannot flood Secret Manager.
# `SECRET_REFRESH_SECONDS` overrides it.
REFRESH_INTERVAL = 30.0


@dataclass(frozen=True, slots=True)
class Secret:
    """One secret value; it never prints itself."""

    value: bytes = field(repr=False)


Secrets = tuple[Secret, ...]

_cache: dict[str, bytes] = {}
_fetched_at: dict[str, float] = {}
_lock = threading.Lock()
_client = None


def variable_name(provider: str, what: str) -> str:
    """`variable_name("github", "WEBHOOK_SECRET")` is `GITHUB_WEBHOOK_SECRET`."""
    return f"{provider.upper()}_{what}"


def setting(provider: str, what: str, default: str | None = None) -> str:
    """The value of `<ID>_<WHAT>`, or the default; missing and no default is a 503."""
    name = variable_name(provider, what)
    value = os.environ.get(name, "").strip()
    if value:
        return value
    if default is not None:
        return default
    raise NotConfigured(name)


def _secret_manager():
    global _client
    if _client is None:
        _client = _new_client()
    return _client


def _resolve(reference: str, fresh: bool) -> bytes:
    """The bytes behind one reference: a Secret Manager version, `file:/path`, or itself."""
    if not (reference.startswith("file:") or SECRET_VERSION.match(reference)):
        return reference.encode("utf-8")
    with _lock:
        cached = _cache.get(reference)
        if cached is not None and not (fresh and _stale(reference)):
            return cached
        single = _flights.setdefault(reference, threading.Lock())
        seen = _reads.get(reference, 0)
    # Single flight: one read per reference at a time; whoever waited uses its result.
    with single:
        with _lock:
            cached = _cache.get(reference)
            if cached is not None and (_reads.get(reference, 0) != seen or not _stale(reference)):
                return cached
            _fetched_at[reference] = time.monotonic()  # failed reads count for the rate limit
        try:
            value = _read(reference)
        except Exception:
            if cached is not None:
                return cached  # keep verifying with what we had; the next refresh retries
            raise
        finally:
            with _lock:
                _reads[reference] = _reads.get(reference, 0) + 1
        with _lock:
            _cache[reference] = value
        return value


def entries(raw: str) -> list[str]:
    """The entries of a list of secrets, keys or references, in this order of rules:

    1. each PEM block (`-----BEGIN ...-----` to its `-----END ...-----`) is one entry, whole;
    2. what is left, when it spans several lines, is one entry a line (a comma is part of it);
    3. a single line is split on commas (`old,new`).

    So a PEM pasted into a variable survives its newlines, and a secret that contains a comma
    survives on a line of its own (or as a `file:` or Secret Manager value, never split).
    """
    blocks = [match.group(0).strip() for match in PEM_BLOCK.finditer(raw)]
    rest = PEM_BLOCK.sub("\n", raw)
    lines = [line for line in rest.splitlines() if line.strip()]
    items = lines if len(lines) > 1 else rest.split(",")
    return blocks + [item.strip() for item in items if item.strip()]


def _values(value: bytes) -> list[bytes]:
    """What one resolved reference holds: each PEM block in it (a file with the old and the new
    key), else the value whole (a file or Secret Manager secret is never split on commas)."""
    text = value.decode("utf-8", errors="replace")
    blocks = [match.group(0).encode("utf-8") for match in PEM_BLOCK.finditer(text)]
    return blocks if len(blocks) > 1 else [value]


def load(provider: str, what: str = "WEBHOOK_SECRET", fresh: bool = False) -> Secrets:
    """Every secret in `<ID>_<WHAT>` (any one verifies; see `entries` for how the list is split)."""
    name = variable_name(provider, what)
    raw = os.environ.get(name, "")
    references = entries(raw)
    if not references:
        raise NotConfigured(name)
    try:
        values = [_resolve(reference, fresh) for reference in references]
    except SecretManagerDown:
        # Secret Manager unreachable and nothing cached: 503 with Retry-After, never a 500.
        raise Unavailable("secret_unavailable") from None
    except Exception:
        # An unreadable file or a reference Secret Manager refuses (missing version,
        # no permission) is a configuration problem: 503, the variable's name logged.
        raise NotConfigured(name) from None
    secrets = tuple(Secret(part) for value in values if value for part in _values(value))
    if not secrets:
        raise NotConfigured(name)
    return secrets


def ready(provider: str, what: str = "WEBHOOK_SECRET") -> bool:
    """Whether `load` can answer without I/O: plain values, or every reference already read."""
    references = entries(os.environ.get(variable_name(provider, what), ""))
    with _lock:
        return all(
            not (reference.startswith("file:") or SECRET_VERSION.match(reference)) or reference in _cache
            for reference in references
        )


def has_references(provider: str, what: str = "WEBHOOK_SECRET") -> bool:
    """Whether `<ID>_<WHAT>` names something that can change without a redeploy."""
    raw = os.environ.get(variable_name(provider, what), "")
    return "file:" in raw or "projects/" in raw


# Secret Manager by reference: an endpoint for tests, a refresh interval, single flight.

_flights: dict[str, threading.Lock] = {}
_reads: dict[str, int] = {}  # completed reads per reference: a waiter sees one finished


class SecretManagerDown(Exception):
    """Secret Manager did not answer (unreachable, timeout, 5xx)."""


def refresh_interval() -> float:
    """Seconds between re-reads of one reference: `SECRET_REFRESH_SECONDS`, default 30."""
    try:
        return max(0.0, float(os.environ.get("SECRET_REFRESH_SECONDS", "") or REFRESH_INTERVAL))
    except ValueError:
        return REFRESH_INTERVAL


def _stale(reference: str) -> bool:
    fetched = _fetched_at.get(reference)
    return fetched is None or time.monotonic() - fetched >= refresh_interval()


def _new_client():
    """The Secret Manager client; `SECRET_MANAGER_ENDPOINT` (host:port) means a plaintext local server."""
    from google.cloud import secretmanager

    endpoint = os.environ.get("SECRET_MANAGER_ENDPOINT", "").strip()
    if not endpoint:
        return secretmanager.SecretManagerServiceClient()
    import grpc
    from google.cloud.secretmanager_v1.services.secret_manager_service.transports import (
        SecretManagerServiceGrpcTransport,
    )

    transport = SecretManagerServiceGrpcTransport(channel=grpc.insecure_channel(endpoint))
    return secretmanager.SecretManagerServiceClient(transport=transport)


def _read(reference: str) -> bytes:
    if reference.startswith("file:"):
        with open(reference[5:], "rb") as handle:
            return handle.read().strip()
    from google.api_core import exceptions, retry

    # Retry a blip briefly, then give up: the provider retries the delivery on our 503.
    transient = retry.Retry(
        initial=0.1, maximum=1.0, timeout=3.0, predicate=retry.if_exception_type(exceptions.ServiceUnavailable)
    )
    try:
        response = _secret_manager().access_secret_version(name=reference, retry=transient, timeout=3.0)
    except (exceptions.ServiceUnavailable, exceptions.DeadlineExceeded, exceptions.InternalServerError) as error:
        raise SecretManagerDown(type(error).__name__) from None
    except exceptions.RetryError as error:
        raise SecretManagerDown(type(error).__name__) from None
    return response.payload.data.strip()


def reset() -> None:
    """Forget every cached value and the client (tests, and a process that changes endpoint)."""
    global _client
    with _lock:
        _cache.clear()
        _fetched_at.clear()
        _flights.clear()
        _reads.clear()
        _client = None
