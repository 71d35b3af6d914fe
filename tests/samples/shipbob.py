import json
from datetime import UTC, datetime

from tests.signers import Sample

SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
MSG_ID = "msg_2xKf9Yb7c1QmZ4RrT8vW0pLhN3s"


def sign(body: bytes, now: int) -> dict[str, str]:
    """ShipBob documents Standard Webhooks signing (`{id}.{timestamp}.{body}`, key: the base64
    after `whsec_`) and has no Python SDK: the spec's reference library signs."""
    from standardwebhooks.webhooks import Webhook

    signature = Webhook(SECRET).sign(MSG_ID, datetime.fromtimestamp(now, UTC), body.decode())
    return {
        "webhook-id": MSG_ID,
        "webhook-timestamp": str(now),
        "webhook-signature": signature,
        "x-webhook-topic": "order.shipped",
    }


SAMPLE = Sample(
    secret=SECRET,
    sign=sign,
    signature_header="webhook-signature",
    json=False,  # the topic is a header: nothing is read from the body, so it is never parsed
    body=json.dumps(
        {
            "id": 190963872,
            "reference_id": "order-10482",
            "status": "Completed",
            "shipments": [{"id": 200145581, "status": "LabeledCreated", "tracking": {"carrier": "USPS"}}],
        }
    ).encode(),
    attributes={"event_type": "order.shipped", "delivery_id": MSG_ID, "ce-type": "shipbob.order.shipped"},
)
