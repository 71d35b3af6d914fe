"""Oura: hex HMAC-SHA256 of `x-oura-timestamp` + body with the client secret, in x-oura-signature,
the timestamp within 300 s; the GET subscription check answered with its challenge when the
verification token matches."""

from __future__ import annotations

import json

from shared import secrets
from shared.crypto import equal
from shared.delivery import Delivery
from shared.errors import BadRequest, Forbidden
from shared.provider import Answer, Provider, Retries, json_field
from shared.schemes import Hmac


def verification(delivery: Delivery) -> Answer | None:
    """GET `?verification_token=..&challenge=..`: `{"challenge": ..}` if the token is `OURA_VERIFICATION_TOKEN`."""
    if delivery.method != "GET" or "challenge" not in delivery.query:
        return None
    tokens = secrets.load(delivery.provider, "VERIFICATION_TOKEN")
    claimed = (delivery.query.get("verification_token") or "").encode("utf-8")
    if not any(equal(token.value, claimed) for token in tokens):
        raise Forbidden("bad_verify_token")
    challenge = delivery.query.get("challenge")
    if not challenge:
        raise BadRequest("missing_challenge")
    return Answer(body=json.dumps({"challenge": challenge}).encode(), content_type="application/json")


def event_type(delivery: Delivery) -> str | None:
    """body `data_type` and `event_type` (`daily_sleep.create`)."""
    document = delivery.json()
    if not isinstance(document, dict):
        return None
    data_type, action = document.get("data_type"), document.get("event_type")
    if isinstance(data_type, str) and isinstance(action, str):
        return f"{data_type}.{action}"
    return None


PROVIDER = Provider(
    id="oura",
    docs="https://cloud.ouraring.com/v2/docs",
    summary="HMAC-SHA256 of `timestamp + body` with the client secret, `x-oura-signature: <HEX>`; 300 s window",
    # Oura's API docs (webhooks section): `createHmac('sha256', CLIENT_SECRET)` updated with
    # `timestamp + body`, compared as upper-case hex (the comparison here is of bytes, so case
    # does not matter). The docs call x-oura-timestamp a unix timestamp and state neither its
    # unit nor a window: seconds or milliseconds are told apart by size, and the contract's
    # 300 s applies, so a captured delivery no longer replays forever.
    verify=Hmac(
        header="x-oura-signature", timestamp="x-oura-timestamp", timestamp_unit="auto", signed="{timestamp}{body}"
    ),
    challenge=verification,
    event_type=event_type,
    source=json_field("user_id"),
    # "Responses must arrive within 10 seconds".
    timeout=10,
    variables=("OURA_VERIFICATION_TOKEN",),
    retries=Retries(
        retries=None,
        schedule="unknown (no source found)",
        disables="unknown (subscriptions expire and need renewal)",
        source="https://cloud.ouraring.com/v2/docs",
    ),
)
