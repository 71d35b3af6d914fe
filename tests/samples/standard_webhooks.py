from datetime import UTC, datetime

from tests.signers import Sample

SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
MSG_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek"


def sign(body: bytes, now: int) -> dict[str, str]:
    from standardwebhooks.webhooks import Webhook

    signature = Webhook(SECRET).sign(MSG_ID, datetime.fromtimestamp(now, UTC), body.decode())
    return {"webhook-id": MSG_ID, "webhook-timestamp": str(now), "webhook-signature": signature}


SAMPLE = Sample(
    secret=SECRET,
    sign=sign,
    signature_header="webhook-signature",
    body=b'{"test": 2432232314, "type": "user.created"}',
    attributes={
        "event_type": "user.created",
        "delivery_id": MSG_ID,
        "ce-type": "standard_webhooks.user.created",
    },
)
