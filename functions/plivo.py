"""Plivo: X-Plivo-Signature-V3, base64 HMAC-SHA256 with the auth token over the URL Plivo called
(query sorted), the sorted POST parameters and the X-Plivo-Signature-V3-Nonce."""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from shared.crypto import equal
from shared.delivery import Delivery
from shared.errors import Unauthorized
from shared.provider import Provider, Retries, first, form_field
from shared.schemes import decode
from shared.secrets import Secrets


def _pairs(text: str) -> dict[str, list[str]]:
    try:
        return parse_qs(text, keep_blank_values=True)
    except ValueError:
        raise Unauthorized("bad_form") from None


def signed_url(url: str, body: str) -> bytes:
    """What Plivo signs before the nonce (plivo-python utils/signature_v3.construct_post_url):
    the URL without its query, `?` and the query sorted as `k=v&...` when there is a query or
    a body, `.` when there are both, then the body's parameters sorted as `kv...`."""
    parts = urlsplit(url)
    query = _pairs(parts.query)
    params = _pairs(body)
    base = parts._replace(query="", fragment="").geturl()
    sorted_query = "&".join(f"{key}={value}" for key in sorted(query) for value in sorted(query[key]))
    if sorted_query or params:
        base += "?" + sorted_query
    if sorted_query and params:
        base += "."
    return (base + "".join(key + value for key in sorted(params) for value in sorted(params[key]))).encode("utf-8")


@dataclass(frozen=True, slots=True, kw_only=True)
class PlivoSignature:
    """X-Plivo-Signature-V3 (one or more, comma-separated) over the URL, the form and the nonce."""

    header: str = "X-Plivo-Signature-V3"
    nonce: str = "X-Plivo-Signature-V3-Nonce"

    def __call__(self, delivery: Delivery, secrets: Secrets) -> None:
        value, nonce = delivery.header(self.header), delivery.header(self.nonce)
        if value is None or nonce is None:
            raise Unauthorized("missing_signature")
        claimed = [raw for raw in (decode(sig.strip(), "base64") for sig in value.split(",")) if raw]
        if not claimed:
            raise Unauthorized("bad_signature")
        if delivery.body and not delivery.is_form():
            # Only form parameters are signed: any other body would pass unchecked.
            raise Unauthorized("unsigned_body")
        try:
            body = delivery.body.decode("utf-8")
        except UnicodeDecodeError:
            raise Unauthorized("bad_form") from None
        message = signed_url(delivery.url, body) + b"." + nonce.encode("utf-8")
        if not any(equal(hmac.new(s.value, message, hashlib.sha256).digest(), sig) for s in secrets for sig in claimed):
            raise Unauthorized("bad_signature")

    def sign(self, delivery: Delivery, secret: bytes) -> dict[str, str]:
        """The headers Plivo would add: for the curl helper only, never for tests."""
        nonce = "12345678901234567890"
        message = signed_url(delivery.url, delivery.body.decode("utf-8")) + b"." + nonce.encode()
        signature = base64.b64encode(hmac.new(secret, message, hashlib.sha256).digest()).decode()
        return {self.header: signature, self.nonce: nonce}


PROVIDER = Provider(
    id="plivo",
    docs="https://www.plivo.com/docs/voice/xml/request/validation/",
    summary="HMAC-SHA256 of URL + sorted form params + `.nonce`, `X-Plivo-Signature-V3: <b64>`; key: the auth token",
    verify=PlivoSignature(),
    # Voice callbacks name their `Event`; message status callbacks carry `Status`.
    event_type=first(form_field("Event"), form_field("Status"), form_field("CallStatus")),
    # Plivo sends no delivery id: ce-id is a generated UUID.
    # No number is documented for callbacks: 5 s assumed.
    timeout=5,
    variables=("PLIVO_PUBLIC_URL",),
    retries=Retries(
        retries=True,
        on="non-2xx or no answer within 8 s (messaging)",
        schedule="messaging: 3 retries at +60 s, +120 s, +240 s; voice: per-URL #fragment policy",
        source="https://support.plivo.com/hc/en-us/articles/360041344652",
    ),
)
