import json

from tests.signers import Sample

SECRET = "7ad3773142a6692b25b8"
KEY = "278d425bdf160c739803"


def body(time_ms: int | None) -> bytes:
    document: dict[str, object] = {"events": [{"name": "channel_occupied", "channel": "presence-lobby"}]}
    if time_ms is not None:
        document["time_ms"] = time_ms
    return json.dumps(document).encode()


def sign(payload: bytes, now: int) -> dict[str, str]:
    # pusher (the official library) signs with the app secret the way it verifies webhooks.
    from pusher.signature import sign as pusher_sign

    return {"X-Pusher-Key": KEY, "X-Pusher-Signature": pusher_sign(SECRET, payload.decode())}


SAMPLE = Sample(
    secret=SECRET,
    sign=sign,
    signature_header="X-Pusher-Signature",
    body=body(1700000000000),
    fresh=lambda now: body(now * 1000),
    forgeries=(lambda now: body(None),),
    attributes={
        "event_type": "channel_occupied",
        "ce-source": f"pusher/{KEY}",
        "channel": "presence-lobby",
    },
)
