"""Hmac: an HMAC over parts of the request claimed in a header, and how a configured
secret becomes its key (`whsec_`, base64)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from shared.crypto import equal
from shared.delivery import Delivery
from shared.errors import Unauthorized
from shared.schemes.parts import (
    Claim,
    Encoding,
    check_age,
    decode,
    encode,
    format_timestamp,
    parse_timestamp,
    read_parts,
    render,
    single,
    sorted_form,
    template,
)
from shared.secrets import Secrets


def whsec(secret: bytes) -> bytes:
    """Standard Webhooks keys: `whsec_<base64>`, or the base64 alone, padded or not, is decoded, as
    the standardwebhooks and svix libraries decode both; a value without the prefix that is not
    base64 is used as is (how this function read every prefix-less value before)."""
    bare = secret.removeprefix(b"whsec_")
    try:
        return base64.b64decode(bare + b"=" * (-len(bare) % 4), validate=True)
    except binascii.Error:
        if not secret.startswith(b"whsec_"):
            return secret
        raise Unauthorized("bad_secret_format") from None


def base64_key(secret: bytes) -> bytes:
    """A secret configured in base64, decoded to the HMAC key (Airtable, Microsoft Teams)."""
    try:
        return base64.b64decode(secret.strip(), validate=True)
    except binascii.Error:
        raise Unauthorized("bad_secret_format") from None


def as_signed(signed: bytes) -> bytes:
    """The rendered bytes fed to the MAC as they are (nearly every sender)."""
    return signed


@dataclass(frozen=True, slots=True, kw_only=True)
class Hmac:
    """An HMAC over some bytes of the request, claimed in one header."""

    header: str
    algorithm: str = "sha256"
    encoding: Encoding = "hex"
    prefix: str = ""
    signed: str = "{body}"
    timestamp: str | None = None
    timestamp_unit: Literal["s", "ms", "rfc3339", "auto"] = "s"
    id: str | None = None
    # None: the timestamp is signed but its age is not checked, where the provider documents
    # no window (nor, reliably, the timestamp's unit).
    tolerance: float | None = 300.0
    claims: Callable[[str], Claim] = single
    layout: str = "{signature}"  # the header value as the sender writes it, for local signing
    key: Callable[[bytes], bytes] = lambda secret: secret
    # The rendered bytes as the sender feeds them to its MAC (Trello: a Node `binary` string).
    message: Callable[[bytes], bytes] = as_signed
    also: tuple[str, ...] = ()  # more headers that may carry a signature (DocuSign's -2..-N, Box's secondary)
    _pieces: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        hashlib.new(self.algorithm)
        object.__setattr__(self, "_pieces", template(self.signed))
        needs = set(self._pieces[1::2])
        if "id" in needs and not self.id:
            raise ValueError("a template with {id} needs id=<header>")

    def _claimed(self, delivery: Delivery) -> tuple[list[bytes], str | None]:
        """The decoded signatures the headers claim, and the signed timestamp; 401 when absent."""
        values = [v for v in (delivery.header(name) for name in (self.header, *self.also)) if v is not None]
        if not values:
            raise Unauthorized("missing_signature")
        claims = [self.claims(value) for value in values]
        claim = Claim(
            signatures=tuple(sig for c in claims for sig in c.signatures),
            timestamp=next((c.timestamp for c in claims if c.timestamp is not None), None),
        )
        timestamp = claim.timestamp
        if self.timestamp:
            timestamp = delivery.header(self.timestamp)
        if (self.timestamp or "{timestamp}" in self.signed) and timestamp is None:
            raise Unauthorized("missing_timestamp")
        candidates = [sig[len(self.prefix) :] for sig in claim.signatures if sig.startswith(self.prefix)]
        if not candidates:
            raise Unauthorized("missing_signature")
        # A valid signature may stand beside ones we cannot decode (Stripe's `v0`, garbage).
        signatures = [raw for raw in (decode(sig, self.encoding) for sig in candidates) if raw]
        if not signatures:
            raise Unauthorized("bad_signature")
        return signatures, timestamp

    def __call__(self, delivery: Delivery, secrets: Secrets) -> None:
        signatures, timestamp = self._claimed(delivery)
        message = self.message(render(self._pieces, read_parts(delivery, timestamp, self.id, self._pieces[1::2])))
        if not any(
            equal(hmac.digest(self.key(s.value), message, self.algorithm), claimed)
            for s in secrets
            for claimed in signatures
        ):
            raise Unauthorized("bad_signature")
        self._check_age(timestamp, delivery.received_at)

    def _check_age(self, timestamp: str | None, received_at: float) -> None:
        # The age is checked after the MAC, so an attacker learns nothing from timing
        # the clock check with a forged timestamp.
        if timestamp is not None and self.tolerance is not None:
            check_age(parse_timestamp(timestamp, self.timestamp_unit), received_at, self.tolerance)

    def stream(self, delivery: Delivery, secrets: Secrets) -> HmacStream | None:
        """The same check, fed the body chunk by chunk as it is read (`delivery` has no body yet).

        For the claim check (issue 14): a 25 MB body is hashed on its way to Cloud Storage
        instead of held. None where the signed bytes are not the body once, in order, between
        parts the headers and URL give (`{form}`, `{body_sha256}`, a `message` transform): the
        pipeline then holds it.
        Missing or undecodable signature headers are refused here, before anything is read.
        """
        names = self._pieces[1::2]
        # A `message` transform (Trello's) takes the whole rendered bytes, not a stream of them.
        if names.count("body") != 1 or {"form", "body_sha256"} & set(names) or self.message is not as_signed:
            return None
        signatures, timestamp = self._claimed(delivery)
        at = next(i for i in range(1, len(self._pieces), 2) if self._pieces[i] == "body")
        parts = read_parts(delivery, timestamp, self.id, tuple(n for n in names if n != "body"))
        # Both slices start on a literal (even index), as render() expects.
        before, after = render(self._pieces[:at], parts), render(self._pieces[at + 1 :], parts)
        macs = [hmac.new(self.key(s.value), before, self.algorithm) for s in secrets]
        return HmacStream(self, macs, after, signatures, timestamp, delivery.received_at)

    def sign(self, delivery: Delivery, secret: bytes) -> dict[str, str]:
        """The headers a sender would add: for the curl helper only, never for tests."""
        timestamp = format_timestamp(delivery.received_at, self.timestamp_unit)
        parts = {
            "body": delivery.body,
            "timestamp": timestamp.encode(),
            "id": (delivery.header(self.id) or "").encode() if self.id else b"",
            "url": delivery.url.encode(),
            "method": delivery.method.encode(),
            "path": delivery.path.encode(),
            "path_query": delivery.path_query.encode(),
            "body_sha256": hashlib.sha256(delivery.body).hexdigest().encode(),
        }
        if "form" in self._pieces[1::2]:
            parts["form"] = sorted_form(delivery)
        digest = hmac.new(self.key(secret), self.message(render(self._pieces, parts)), self.algorithm).digest()
        signature = encode(digest, self.encoding)
        headers = {self.header: self.layout.format(signature=self.prefix + signature, timestamp=timestamp)}
        if self.timestamp:
            headers[self.timestamp] = timestamp
        return headers


class HmacStream:
    """An Hmac check in progress: `update()` with each chunk of the body, then `verify()`."""

    def __init__(
        self,
        scheme: Hmac,
        macs: list,
        after: bytes,
        signatures: list[bytes],
        timestamp: str | None,
        received_at: float,
    ) -> None:
        self._scheme, self._macs, self._after = scheme, macs, after
        self._signatures, self._timestamp, self._received_at = signatures, timestamp, received_at

    def update(self, chunk: bytes) -> None:
        """Feed the next bytes of the body."""
        for mac in self._macs:
            mac.update(chunk)

    def verify(self) -> None:
        """Return when the whole body fed so far is authentic; raise Unauthorized otherwise."""
        digests = []
        for mac in self._macs:
            mac.update(self._after)
            digests.append(mac.digest())
        if not any(equal(digest, claimed) for digest in digests for claimed in self._signatures):
            raise Unauthorized("bad_signature")
        self._scheme._check_age(self._timestamp, self._received_at)
