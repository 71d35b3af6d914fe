"""Plivo: X-Plivo-Signature-V3 (or -Ma-V3, the main account's), base64 HMAC-SHA256 with the auth
token over the URL Plivo called (query sorted), the sorted POST parameters and the
X-Plivo-Signature-V3-Nonce; GET callbacks sign the URL with their query."""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from shared.crypto import equal
from shared.delivery import Delivery
from shared.errors import Unauthorized
from shared.provider import Payload, Provider, Read, Retries, first
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
    """X-Plivo-Signature-V3 or -Ma-V3 (one or more, comma-separated) over the URL, the form and the nonce."""

    header: str = "X-Plivo-Signature-V3"
    # "X-Plivo-Signature-V3 or X-Plivo-Signature-Ma-V3" (Plivo's validation page): the same bytes,
    # signed with the main account's auth token, so a subaccount's callbacks verify with either
    # token. The V2 headers sign the URL without the body and are never read.
    also: tuple[str, ...] = ("X-Plivo-Signature-Ma-V3",)
    nonce: str = "X-Plivo-Signature-V3-Nonce"

    def __call__(self, delivery: Delivery, secrets: Secrets) -> None:
        values = [v for v in (delivery.header(name) for name in (self.header, *self.also)) if v is not None]
        nonce = delivery.header(self.nonce)
        if not values or nonce is None:
            raise Unauthorized("missing_signature")
        claimed = [raw for raw in (decode(sig.strip(), "base64") for v in values for sig in v.split(",")) if raw]
        if not claimed:
            raise Unauthorized("bad_signature")
        if delivery.body and (delivery.method == "GET" or not delivery.is_form()):
            # Only a POST's form parameters are signed: any other body would pass unchecked.
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


def parameters(delivery: Delivery) -> dict[str, str]:
    """A callback's parameters: the form body of a POST, the query of a GET (first value of each)."""
    if delivery.method != "GET":
        return delivery.form()
    return {key: values[0] for key, values in _pairs(delivery.query_string.decode("utf-8", "replace")).items()}


def parameter(name: str) -> Read:
    """Read a fact from the callback's parameters, wherever the method puts them."""

    def read(delivery: Delivery) -> str | None:
        return parameters(delivery).get(name) or None

    read.__doc__ = f"parameter `{name}`"
    return read


def published(delivery: Delivery) -> Payload:
    """A POST's form body as received; a GET's query string, as the form it would have been."""
    if delivery.method != "GET":
        return delivery.body, {}
    return delivery.query_string, {"content-type": "application/x-www-form-urlencoded"}


PROVIDER = Provider(
    id="plivo",
    docs="https://www.plivo.com/docs/voice/xml/request/validation/",
    summary="HMAC-SHA256 of URL + sorted params + `.nonce`, `X-Plivo-Signature-V3` or `-Ma-V3: <b64>`; the auth token",
    verify=PlivoSignature(),
    # Voice callbacks name their `Event`; message status callbacks carry `Status`.
    event_type=first(parameter("Event"), parameter("Status"), parameter("CallStatus")),
    # Plivo sends no delivery id: ce-id is a generated UUID.
    # No number is documented for callbacks: 5 s assumed.
    timeout=5,
    # Callbacks may be configured as GET: the parameters are then the signed URL's query.
    methods=("POST", "GET"),
    payload=published,
    variables=("PLIVO_PUBLIC_URL",),
    retries=Retries(
        retries=True,
        on="non-2xx or no answer within 8 s (messaging)",
        schedule="messaging: 3 retries at +60 s, +120 s, +240 s; voice: per-URL #fragment policy",
        source="https://support.plivo.com/hc/en-us/articles/360041344652",
    ),
)
