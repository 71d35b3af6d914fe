"""The parts every scheme shares: what a header claims, the signed template and its
parts, signature encodings and signed timestamps."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal
from urllib.parse import parse_qs

from shared.delivery import Delivery
from shared.errors import Unauthorized
from shared.secrets import Secrets

Verify = Callable[[Delivery, Secrets], None]
"""Returns when the delivery is authentic, raises Unauthorized otherwise."""

PARTS = ("body", "body_sha256", "timestamp", "id", "url", "method", "path", "path_query", "form")
"""`{body_sha256}`: the hex SHA-256 of the body, for senders that sign its digest (Tebex).
`{form}`: a form body's parameters as `name + value`, sorted (Twilio, Mandrill): `sorted_form`."""
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """What a signature header claims: the signatures, and a timestamp if it carries one."""

    signatures: tuple[str, ...]
    timestamp: str | None = None


def single(value: str) -> Claim:
    """The whole header value is one signature."""
    return Claim(signatures=(value.strip(),))


def pairs(separator: str, key: str, timestamp_key: str | None = None) -> Callable[[str], Claim]:
    """Headers like `t=1,v1=ab,v1=cd` (Stripe) or `ts=1;h1=ab` (Paddle)."""

    def claims(value: str) -> Claim:
        items = [item.strip().partition("=")[::2] for item in value.split(separator)]
        return Claim(
            signatures=tuple(v for k, v in items if k == key),
            timestamp=next((v for k, v in items if k == timestamp_key), None),
        )

    return claims


def versioned(version: str) -> Callable[[str], Claim]:
    """Space-separated `v1,<sig>` entries (Standard Webhooks); other versions ignored."""

    def claims(value: str) -> Claim:
        entries = (entry.partition(",") for entry in value.split())
        return Claim(signatures=tuple(sig for v, _, sig in entries if v == version))

    return claims


def template(signed: str) -> tuple[str, ...]:
    """Split a `signed` template into literal and `{part}` pieces, checking the names."""
    names = _PLACEHOLDER.findall(signed)
    unknown = sorted(set(names) - set(PARTS))
    if unknown:
        raise ValueError(f"unknown parts {unknown} in signed template {signed!r}")
    return tuple(_PLACEHOLDER.split(signed))


def render(pieces: tuple[str, ...], parts: dict[str, bytes]) -> bytes:
    """Join the template in bytes: even pieces are literals, odd pieces part names."""
    return b"".join(parts[piece] if index % 2 else piece.encode("utf-8") for index, piece in enumerate(pieces))


def sorted_form(delivery: Delivery) -> bytes:
    """Each form parameter as `name + value`, names sorted and each name's distinct values
    sorted, as twilio-python's RequestValidator joins them (Mandrill sends one parameter)."""
    if not delivery.is_form():
        raise Unauthorized("unsigned_body")
    try:
        params = parse_qs(delivery.body.decode("utf-8"), keep_blank_values=True)
    except ValueError:
        raise Unauthorized("bad_form") from None
    return "".join(key + value for key in sorted(params) for value in sorted(set(params[key]))).encode("utf-8")


def read_parts(
    delivery: Delivery, timestamp: str | None, id_header: str | None, names: tuple[str, ...]
) -> dict[str, bytes]:
    """The named parts a `signed` template uses (only `names`: the URL costs a lookup), in bytes."""
    readers = {
        "body": lambda: delivery.body,
        "timestamp": lambda: (timestamp or "").encode("utf-8"),
        "id": lambda: (delivery.header(id_header) or "").encode("utf-8") if id_header else b"",
        "url": lambda: delivery.url.encode("utf-8"),
        "method": lambda: delivery.method.encode("ascii"),
        "path": lambda: delivery.path.encode("utf-8"),
        "path_query": lambda: delivery.path_query.encode("utf-8"),
        "body_sha256": lambda: hashlib.sha256(delivery.body).hexdigest().encode("ascii"),
        "form": lambda: sorted_form(delivery),
    }
    return {name: readers[name]() for name in names}


def parse_timestamp(value: str, unit: Literal["s", "ms", "rfc3339", "auto"]) -> float:
    """A signed timestamp as seconds since the epoch; garbage is a 401.

    `auto`, for a sender that says "unix timestamp" and no unit (Oura): a number of 10^11 or
    more is milliseconds (as seconds it would be past the year 5000), anything less seconds.
    """
    try:
        if unit == "rfc3339":
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
            # A time without an offset is UTC (Orb's X-Orb-Timestamp), never the host's zone.
            return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()
        number = float(int(value.strip()))
        return number / 1000 if unit == "ms" or (unit == "auto" and number >= 1e11) else number
    except (ValueError, OverflowError):
        raise Unauthorized("bad_timestamp") from None


def check_age(timestamp: float, now: float, tolerance: float) -> None:
    """Reject a signed timestamp further than `tolerance` seconds from now, either way."""
    if abs(now - timestamp) > tolerance:
        raise Unauthorized("stale_timestamp")


Encoding = Literal["hex", "base64", "base64url"]


def format_timestamp(seconds: float, unit: Literal["s", "ms", "rfc3339", "auto"]) -> str:
    """A time written the way a sender writes it in `unit` (for local signing)."""
    if unit == "rfc3339":
        return datetime.fromtimestamp(seconds, UTC).isoformat().replace("+00:00", "Z")
    return str(int(seconds * 1000)) if unit == "ms" else str(int(seconds))


def decode(value: str, encoding: Encoding) -> bytes | None:
    """A claimed signature as raw bytes, or None when it does not decode (it matches nothing)."""
    try:
        if encoding == "hex":
            return bytes.fromhex(value)
        if encoding == "base64url":
            # RFC 4648 section 5, usually sent without padding (Sanity). `altchars` maps `-_` onto
            # `+/`, so the standard alphabet's own `+/` must be refused here.
            if "+" in value or "/" in value:
                return None
            return base64.b64decode(value + "=" * (-len(value) % 4), altchars=b"-_", validate=True)
        return base64.b64decode(value, validate=True)
    except ValueError:
        return None


def text_bytes(value: str) -> bytes:
    """The UTF-8 bytes of a string read from a JSON body, to sign, compare or echo.

    JSON may escape half of a surrogate pair (`"\\ud800"`), and such a string has no UTF-8
    form: its code unit is kept as is, so the signature or token does not match (401), and a
    handshake echoes bytes its sender will not accept, where `str.encode` would raise (500).
    No sender signs those bytes (issue 16).
    """
    return value.encode("utf-8", "surrogatepass")


def encode(digest: bytes, encoding: Encoding) -> str:
    """A digest written the way a sender writes it in `encoding` (for local signing)."""
    if encoding == "hex":
        return digest.hex()
    if encoding == "base64url":
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    return base64.b64encode(digest).decode()
