"""Treezor: base64 HMAC-SHA256 of the body's `object_payload`, re-serialised as PHP's json_encode
writes it (compact, non-ASCII as `\\uXXXX`, `/` as `\\/`), in the body's `object_payload_signature`."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from shared.crypto import equal
from shared.delivery import Delivery
from shared.errors import Unauthorized
from shared.provider import Provider, Retries, json_field
from shared.schemes import decode
from shared.secrets import Secrets


def signed_payload(payload: Any) -> bytes:
    """`object_payload` as Treezor signs it: its docs' Python, `json.dumps(..., separators=(",", ":"))`
    (ASCII-only, so `é` is `\\u00e9`), every `/` escaped as `\\/`."""
    return json.dumps(payload, separators=(",", ":")).replace("/", "\\/").encode("ascii")


def verify(delivery: Delivery, secrets: Secrets) -> None:
    """`object_payload_signature` over the re-serialised `object_payload`; the rest is unsigned."""
    document = delivery.json()
    if not isinstance(document, dict) or "object_payload" not in document:
        raise Unauthorized("missing_signature")
    claimed = document.get("object_payload_signature")
    if not isinstance(claimed, str) or not claimed:
        raise Unauthorized("missing_signature")
    signature = decode(claimed, "base64")
    if not signature:
        raise Unauthorized("bad_signature")
    message = signed_payload(document["object_payload"])
    if not any(equal(hmac.new(s.value, message, hashlib.sha256).digest(), signature) for s in secrets):
        raise Unauthorized("bad_signature")


PROVIDER = Provider(
    id="treezor",
    docs="https://docs.treezor.com/guide/webhooks/integrity-checks.html",
    summary="HMAC-SHA256 of body `object_payload` re-encoded as json_encode does, b64 in `object_payload_signature`",
    verify=verify,
    event_type=json_field("webhook"),
    delivery_id=json_field("webhook_id"),
    # Treezor documents no response deadline: 10 s is a guess.
    timeout=10,
    retries=Retries(
        retries=None,
        schedule="unknown (docs describe only a manual resend API, on request, events since 2025-10-01)",
        source="https://docs.treezor.com/guide/webhooks/retry.html",
    ),
)
