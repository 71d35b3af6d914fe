import json

from tests.signers import Exchange, Sample, documented

SECRET = "front-app-secret-7d41c2"
CHALLENGE = "7c1c6a1d2f0b4e7a9e3f"


def _timestamp(now: int) -> str:
    return str(now * 1000)  # x-front-request-timestamp is in milliseconds


SAMPLE = Sample(
    secret=SECRET,
    # No Front SDK signs: base64 HMAC-SHA256 of `<timestamp>:` + raw body with the app secret,
    # as dev.frontapp.com/docs/application-webhooks describes it.
    sign=documented(
        SECRET,
        lambda signature, now: {"X-Front-Signature": signature, "X-Front-Request-Timestamp": _timestamp(now)},
        message=lambda body, now: f"{_timestamp(now)}:".encode() + body,
        encoding="base64",
    ),
    signature_header="X-Front-Signature",
    body=json.dumps(
        {
            "type": "inbound_received",
            "authorization": {"id": "cmp_abc"},
            "payload": {"id": "evt_55c8c149", "type": "inbound", "emitted_at": 1764352800.123},
        }
    ).encode(),
    attributes={
        "event_type": "inbound_received",
        "ce-type": "frontapp.inbound_received",
        "ce-source": "frontapp/cmp_abc",
    },
    exchanges=(
        Exchange(
            body=json.dumps({"type": "sync", "authorization": {"id": "cmp_abc"}}).encode(),
            headers={"X-Front-Challenge": CHALLENGE},
            answer=json.dumps({"challenge": CHALLENGE}).encode(),
        ),
    ),
)
