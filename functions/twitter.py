"""X (Twitter) Account Activity and v2 webhooks: HMAC-SHA256 of the body with the app's consumer
secret, base64, `sha256=`, in X-Twitter-Webhooks-Signature; the GET challenge-response check (CRC)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json

from shared import secrets
from shared.delivery import Delivery
from shared.provider import Answer, Provider, Retries, json_field
from shared.schemes import Hmac

# Keys of an Account Activity body that are not the event list itself.
NOT_EVENTS = ("for_user_id", "user_has_blocked", "source", "apps", "users")


def crc(delivery: Delivery) -> Answer | None:
    """GET `crc_token`: `{"response_token": "sha256=<base64 HMAC-SHA256(consumer secret, token)>"}`.

    The check is unsigned, so with several secrets (rotation) the first one answers: list
    the app's current consumer secret first.
    """
    token = delivery.query.get("crc_token")
    if delivery.method != "GET" or not token:
        return None
    key = secrets.load(delivery.provider)[0].value
    digest = hmac.new(key, token.encode("utf-8"), hashlib.sha256).digest()
    body = json.dumps({"response_token": "sha256=" + base64.b64encode(digest).decode("ascii")})
    return Answer(body=body.encode("utf-8"), content_type="application/json")


def event_type(delivery: Delivery) -> str | None:
    """the body's `*_events` key (`tweet_create_events`, ...), else its `data.event_type` (X Activity)."""
    document = delivery.json()
    if not isinstance(document, dict):
        return None
    name = next((key for key in document if key.endswith("_events") and key not in NOT_EVENTS), None)
    return name or json_field("data.event_type")(delivery)


PROVIDER = Provider(
    id="twitter",
    docs="https://docs.x.com/x-api/webhooks/quickstart",
    summary="HMAC-SHA256 of the body with the consumer secret, `X-Twitter-Webhooks-Signature: sha256=<b64>`; GET CRC",
    verify=Hmac(header="X-Twitter-Webhooks-Signature", prefix="sha256=", encoding="base64"),
    event_type=event_type,
    # X sends no delivery id: ce-id is a generated UUID.
    source=json_field("for_user_id"),
    challenge=crc,
    # The CRC must be answered within 3 s; X documents no number for event POSTs, so the same.
    timeout=3,
    retries=Retries(
        retries=True,
        on="Enterprise AAA only: non-200 or no answer within 3 s",
        schedule="up to 3 retries over 5 min; other tiers: no retry stated (Replay API to recover)",
        source="https://developer.x.com/en/docs/x-api/enterprise/account-activity-api/guides/activity-retries",
    ),
)
