"""Airship (Urban Airship) Open Channel webhooks: hex HMAC-SHA256 of `X-UA-TIMESTAMP:body` in
X-UA-SIGNATURE, over the JSON as Airship wrote it, before its `Content-Encoding: gzip`; the signed
GET `/validate` answered with the configured confirmation code."""

from __future__ import annotations

import dataclasses
import json
import os
import zlib

from shared.delivery import Delivery
from shared.errors import BadRequest, NotConfigured, TooLarge, Unauthorized
from shared.pipeline import max_body_bytes
from shared.provider import Answer, Provider, Retries, header
from shared.schemes import Hmac
from shared.secrets import Secrets

SIGNATURE = Hmac(header="X-UA-SIGNATURE", signed="{timestamp}:{body}", timestamp="X-UA-TIMESTAMP")


def inflated(delivery: Delivery) -> bytes:
    """The body before its Content-Encoding, never inflated past MAX_BODY_BYTES (a zip bomb is 413)."""
    encoding = (delivery.header("Content-Encoding") or "identity").strip().lower()
    if encoding == "identity":
        return delivery.body
    if encoding != "gzip":
        raise Unauthorized("unsigned_encoding")
    limit = max_body_bytes()
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)  # gzip framing only
    try:
        plain = inflater.decompress(delivery.body, limit + 1)
    except zlib.error:
        raise Unauthorized("bad_gzip") from None
    if len(plain) > limit:
        raise TooLarge("inflated_too_large")
    if not inflater.eof or inflater.unused_data:  # cut short, or bytes after the gzip member
        raise Unauthorized("bad_gzip")
    return plain


def verify(delivery: Delivery, secrets: Secrets) -> None:
    """X-UA-SIGNATURE over the inflated body (empty for the GET); then the body must be JSON."""
    plain = inflated(delivery)
    SIGNATURE(dataclasses.replace(delivery, body=plain, _json=None), secrets)
    if delivery.method == "POST":
        try:
            json.loads(plain)
        except (ValueError, RecursionError):
            raise BadRequest("bad_json") from None


def validation(delivery: Delivery) -> Answer | None:
    """The signed GET `<root>/validate`: `{"confirmation_code": AIRSHIP_CONFIRMATION_CODE}`."""
    if delivery.method != "GET":
        return None
    code = os.environ.get("AIRSHIP_CONFIRMATION_CODE", "").strip()
    if not code:
        raise NotConfigured("AIRSHIP_CONFIRMATION_CODE")
    return Answer(body=json.dumps({"confirmation_code": code}).encode(), content_type="application/json")


PROVIDER = Provider(
    id="airship",
    docs="https://support.airship.com/hc/en-us/articles/360032501831-Implementing-a-Signature-Hash-and-Validating-an-Open-Channel-Webhook",
    summary="HMAC-SHA256 of `X-UA-TIMESTAMP:` + the gunzipped body, `X-UA-SIGNATURE: <hex>`; 300 s; signed GET",
    verify=verify,
    handshake=validation,
    methods=("POST", "GET"),
    # Published as received (gzip); the encoding is an attribute. A batch of up to 1,000 `values`,
    # each with its `send_id`: ce-id is a generated UUID.
    attributes={"content-encoding": header("Content-Encoding")},
    # Airship documents no response deadline: 10 s is a guess.
    timeout=10,
    variables=("AIRSHIP_CONFIRMATION_CODE",),
    retries=Retries(
        retries=None,
        schedule="unknown (no retry policy found)",
        source="https://support.airship.com/hc/en-us/articles/360032501831",
    ),
)
