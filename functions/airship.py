"""Airship (Urban Airship) Open Channel webhooks: hex HMAC-SHA256 of `X-UA-TIMESTAMP:body` in
X-UA-SIGNATURE, over the JSON as Airship wrote it, before its `Content-Encoding: gzip`; the signed
GET `/validate` answered with the configured confirmation code."""

from __future__ import annotations

import json
import os

from shared.delivery import Delivery
from shared.encoding import decoded
from shared.errors import BadRequest, NotConfigured
from shared.provider import Answer, Provider, Retries, header
from shared.schemes import Hmac
from shared.secrets import Secrets

ENCODINGS = ("gzip",)  # Airship's only one
SIGNATURE = Hmac(header="X-UA-SIGNATURE", signed="{timestamp}:{body}", timestamp="X-UA-TIMESTAMP")


def verify(delivery: Delivery, secrets: Secrets) -> None:
    """X-UA-SIGNATURE over the inflated body (empty for the GET); then the body must be JSON."""
    plain = decoded(delivery, ENCODINGS)
    SIGNATURE(plain, secrets)
    if delivery.method == "POST":
        try:
            json.loads(plain.body)
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
