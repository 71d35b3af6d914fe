"""The only place a test signs anything: each provider's official SDK, or its published vector.

Each provider has a module in tests/samples/ holding `SAMPLE`: from outside our code,
what a valid delivery looks like, what its handshakes answer and what the message in
Pub/Sub must carry. This module holds the Sample type, the signers several samples
share, and SAMPLES, discovered from that package.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field

Sign = Callable[[bytes, int], dict[str, str]]
"""(body, unix time) → the headers the provider's own SDK would send."""


@dataclass(frozen=True, kw_only=True)
class Exchange:
    """A handshake: the request the provider sends and the answer it expects; never published."""

    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    method: str = "POST"
    query: str = ""
    signed: bool = True  # whether the sample's signer signs it (a GET challenge usually is not)
    status: int = 200
    answer: bytes | None = b""  # None: any body
    answer_headers: dict[str, str] = field(default_factory=dict)
    attributes: dict[str, str] = field(default_factory=dict)  # for variants: what the message carries


@dataclass(frozen=True, kw_only=True)
class Sample:
    """A provider's test facts: secret, signer, a valid body and the attributes it yields."""

    secret: str
    sign: Sign
    signature_header: str | None  # None: the signature is not a header (body field, query)
    body: bytes
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    query: str = ""  # query string of every delivery, without `?`
    attributes: dict[str, str] = field(default_factory=dict)
    ack: tuple[int, bytes] = (200, b"")
    ack_headers: dict[str, str] = field(default_factory=dict)
    json: bool = True  # a body that is not JSON is a 400
    signs_body: bool = True  # a changed body fails verification
    exchanges: tuple[Exchange, ...] = ()
    settings: dict[str, str] = field(default_factory=dict)  # more variables for the test server
    variants: tuple[Exchange, ...] = ()  # more valid deliveries, published, with their own answer
    rejects: tuple[Exchange, ...] = ()  # near misses without a signature header to flip: refused, never published


def vector(headers: dict[str, str]) -> Sign:
    """A published vector: the signature is fixed, so only its own body verifies."""

    def sign(body: bytes, now: int) -> dict[str, str]:
        return dict(headers)

    return sign


def token(header: str, secret: str) -> Sign:
    """A shared secret sent as is: nothing to compute."""

    def sign(body: bytes, now: int) -> dict[str, str]:
        return {header: secret}

    return sign


def mac(secret: str, message: bytes, algorithm: str = "SHA256") -> bytes:
    """An HMAC as the providers document it, computed by `cryptography` (never our schemes)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.hmac import HMAC

    signer = HMAC(secret.encode("utf-8"), getattr(hashes, algorithm)())
    signer.update(message)
    return signer.finalize()


def _discover() -> dict[str, Sample]:
    from tests import samples

    found = (m.name for m in pkgutil.iter_modules(samples.__path__) if not m.name.startswith("_"))
    return {name: importlib.import_module(f"tests.samples.{name}").SAMPLE for name in sorted(found)}


SAMPLES: dict[str, Sample] = _discover()


def environment() -> dict[str, str]:
    """The variables that configure every provider with its sample secret."""
    from functions import load

    env: dict[str, str] = {}
    for provider, sample in SAMPLES.items():
        env[f"{provider.upper()}_{load(provider).secret}"] = sample.secret
        env.update(sample.settings)
    return env


def flip(value: str) -> str:
    """The same signature with one character in its middle changed (a near miss).

    Not the last one: the final base64 character before padding carries unused bits,
    so changing it can decode to the same bytes.
    """
    index = len(value) * 2 // 3
    replacement = "A" if value[index] != "A" else "B"
    if value[index] in "0123456789abcdef":
        replacement = "0" if value[index] != "0" else "1"
    return value[:index] + replacement + value[index + 1 :]
