import json
from datetime import UTC, datetime

from tests.signers import Exchange, Sample, mac

SECRET = "s3cRe7-twitch-eventsub"
MESSAGE_ID = "befa7b53-d79d-478f-86b9-120f112b044e"


def timestamp(now: int) -> str:
    # Twitch writes RFC 3339 with a 7-digit fraction: 2021-02-19T23:47:00.8091512Z.
    return datetime.fromtimestamp(now, UTC).strftime("%Y-%m-%dT%H:%M:%S") + ".1234567Z"


def sign(body: bytes, now: int) -> dict[str, str]:
    # dev.twitch.tv handling-webhook-events: sha256= hex HMAC of id + timestamp + body.
    when = timestamp(now)
    signature = mac(SECRET, MESSAGE_ID.encode() + when.encode() + body).hex()
    return {
        "Twitch-Eventsub-Message-Id": MESSAGE_ID,
        "Twitch-Eventsub-Message-Timestamp": when,
        "Twitch-Eventsub-Message-Signature": f"sha256={signature}",
    }


SUBSCRIPTION = {
    "id": "f1c2a387-161a-49f9-a165-0f21d7a4e1c4",
    "status": "enabled",
    "type": "channel.follow",
    "version": "2",
    "cost": 0,
    "condition": {"broadcaster_user_id": "12826"},
    "transport": {"method": "webhook", "callback": "https://example.com/webhooks/callback"},
    "created_at": "2019-11-16T10:11:12.634234626Z",
}
TYPE_HEADERS = {"Twitch-Eventsub-Subscription-Type": "channel.follow", "Twitch-Eventsub-Subscription-Version": "2"}
CHALLENGE = "pogchamp-kappa-360noscope-vohiyo"

SAMPLE = Sample(
    secret=SECRET,
    sign=sign,
    signature_header="Twitch-Eventsub-Message-Signature",
    body=json.dumps({"subscription": SUBSCRIPTION, "event": {"user_id": "1337", "user_login": "x"}}).encode(),
    headers={"Twitch-Eventsub-Message-Type": "notification", "Twitch-Eventsub-Message-Retry": "0", **TYPE_HEADERS},
    attributes={
        "event_type": "channel.follow",
        "delivery_id": MESSAGE_ID,
        "ce-source": "twitch/f1c2a387-161a-49f9-a165-0f21d7a4e1c4",
        "message_type": "notification",
        "subscription_version": "2",
        "retry_num": "0",
    },
    variants=(
        Exchange(
            body=json.dumps({"subscription": {**SUBSCRIPTION, "status": "authorization_revoked"}}).encode(),
            headers={"Twitch-Eventsub-Message-Type": "revocation", **TYPE_HEADERS},
            attributes={"event_type": "revocation", "message_type": "revocation", "delivery_id": MESSAGE_ID},
        ),
    ),
    exchanges=(
        Exchange(
            body=json.dumps({"challenge": CHALLENGE, "subscription": {**SUBSCRIPTION, "status": "pending"}}).encode(),
            headers={"Twitch-Eventsub-Message-Type": "webhook_callback_verification", **TYPE_HEADERS},
            answer=CHALLENGE.encode(),
        ),
    ),
)
