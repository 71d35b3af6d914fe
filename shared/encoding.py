"""Content-Encoding: a body its sender compressed (gzip, deflate), inflated within MAX_BODY_BYTES."""

from __future__ import annotations

import dataclasses
import zlib

from shared.delivery import Delivery
from shared.errors import TooLarge, Unauthorized
from shared.limits import max_body_bytes

# zlib's window bits for each encoding's framing (RFC 9110 section 8.4.1): gzip's header and
# trailer, or deflate's zlib wrapper; one framing each, never guessed.
_FRAMING = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}


def inflated(delivery: Delivery, encodings: tuple[str, ...] = ("gzip",)) -> bytes:
    """The body before its Content-Encoding, one of `encodings` (or none), never inflated past
    MAX_BODY_BYTES: a zip bomb is a 413. An encoding the sender never uses is a 401."""
    encoding = (delivery.header("Content-Encoding") or "identity").strip().lower()
    if encoding == "identity":
        return delivery.body
    if encoding not in encodings or encoding not in _FRAMING:
        raise Unauthorized("unsigned_encoding")
    limit = max_body_bytes()
    inflater = zlib.decompressobj(wbits=_FRAMING[encoding])
    try:
        plain = inflater.decompress(delivery.body, limit + 1)
    except zlib.error:
        raise Unauthorized("bad_encoding") from None
    if len(plain) > limit:
        raise TooLarge("inflated_too_large")
    if not inflater.eof or inflater.unused_data:  # cut short, or bytes after the compressed stream
        raise Unauthorized("bad_encoding")
    return plain


def decoded(delivery: Delivery, encodings: tuple[str, ...]) -> Delivery:
    """The delivery as its readers see it: the body inflated when it came in one of `encodings`
    (the same delivery when it came plain, or when the provider declares none)."""
    if not encodings or not delivery.header("Content-Encoding"):
        return delivery
    plain = inflated(delivery, encodings)
    if plain is delivery.body:
        return delivery
    return dataclasses.replace(delivery, body=plain, _json=None, _form=None)
