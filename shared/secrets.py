"""Secrets: `<ID>_<WHAT>` variables resolved from the environment, files or Secret Manager."""

from __future__ import annotations

import os
import re
import threading
import time
from dataclasses import dataclass, field

from shared.errors import NotConfigured

SECRET_VERSION = re.compile(r"^projects/[^/]+/secrets/[^/]+/versions/[^/]+$")
# A failed verification may mean the secret was rotated; re-read references at most
# this often (SECRET_REFRESH_SECONDS) so a flood of bad signatures cannot flood Secret Manager.
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


def _refresh_interval() -> float:
    try:
        return float(os.environ.get("SECRET_REFRESH_SECONDS", "") or REFRESH_INTERVAL)
    except ValueError:
        return REFRESH_INTERVAL


def _secret_manager():
    """One client per process; SECRET_MANAGER_ENDPOINT (host:port, plaintext) for a local server."""
    global _client
    with _lock:
        if _client is None:
            from google.cloud import secretmanager

            endpoint = os.environ.get("SECRET_MANAGER_ENDPOINT", "").strip()
            if endpoint:
                import grpc
                from google.cloud.secretmanager_v1.services.secret_manager_service.transports import (
                    SecretManagerServiceGrpcTransport,
                )

                transport = SecretManagerServiceGrpcTransport(channel=grpc.insecure_channel(endpoint))
                _client = secretmanager.SecretManagerServiceClient(transport=transport)
            else:
                _client = secretmanager.SecretManagerServiceClient()
        return _client


def _resolve(reference: str, fresh: bool) -> bytes:
    """The bytes behind one reference: a Secret Manager version, `file:/path`, or itself."""
    if not (reference.startswith("file:") or SECRET_VERSION.match(reference)):
        return reference.encode("utf-8")
    with _lock:
        cached = _cache.get(reference)
        if cached is not None and not (
            fresh and time.monotonic() - _fetched_at.get(reference, 0.0) >= _refresh_interval()
        ):
            return cached
    if reference.startswith("file:"):
        with open(reference[5:], "rb") as handle:
            value = handle.read().strip()
    else:
        # One attempt, short: the provider is waiting, and a 503 makes it retry later.
        response = _secret_manager().access_secret_version(name=reference, retry=None, timeout=2.0)
        value = response.payload.data.strip()
    with _lock:
        _cache[reference] = value
        _fetched_at[reference] = time.monotonic()
    return value


def load(provider: str, what: str = "WEBHOOK_SECRET", fresh: bool = False) -> Secrets:
    """Every secret in `<ID>_<WHAT>` (comma or newline separated: any one verifies)."""
    name = variable_name(provider, what)
    raw = os.environ.get(name, "")
    references = [item.strip() for item in re.split(r"[,\n]", raw) if item.strip()]
    if not references:
        raise NotConfigured(name)
    try:
        values = [_resolve(reference, fresh) for reference in references]
    except Exception:
        # An unreadable file or an unreachable Secret Manager is a configuration
        # problem: answer 503 so the provider retries, log the variable's name.
        raise NotConfigured(name) from None
    secrets = tuple(Secret(value) for value in values if value)
    if not secrets:
        raise NotConfigured(name)
    return secrets


def has_references(provider: str, what: str = "WEBHOOK_SECRET") -> bool:
    """Whether `<ID>_<WHAT>` names something that can change without a redeploy."""
    raw = os.environ.get(variable_name(provider, what), "")
    return "file:" in raw or "projects/" in raw
