import json

from tests.signers import Sample, documented

SECRET = "zerohash-webhook-token-8c3d"


def _timestamp(now: int) -> str:
    return str(now * 1000)  # x-zh-hook-timestamp: UNIX milliseconds


SAMPLE = Sample(
    secret=SECRET,
    # No Zero Hash SDK signs: `to_hex(hmac(sha256(payload + timestamp), your-secret))`, as
    # docs.zerohash.com documents the replay-protected headers.
    sign=documented(
        SECRET,
        lambda signature, now: {"x-zh-hook-signature": signature, "x-zh-hook-timestamp": _timestamp(now)},
        message=lambda body, now: body + _timestamp(now).encode(),
    ),
    signature_header="x-zh-hook-signature",
    body=json.dumps(
        {
            "participant_code": "SB5LRL",
            "payment_id": "c5b3a4e8-1d2f-4b6a-9e8d-7f6a5b4c3d2e",
            "status": "settled",
            "timestamp": 1764352800000,
        }
    ).encode(),
    headers={
        "x-zh-hook-payload-type": "payment_status_changed",
        "x-zh-hook-notification-id": "9f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
    },
    attributes={
        "event_type": "payment_status_changed",
        "delivery_id": "9f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
        "ce-type": "zerohash.payment_status_changed",
        "ce-source": "zerohash",
    },
    json=False,  # nothing is read from the body
)
