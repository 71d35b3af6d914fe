import base64
import json
from datetime import UTC, datetime

from tests.signers import Sample

SECRET = "polar_whs_Qm9ZdGVzdFNlY3JldEZvclBvbGFyV2ViaG9va3M"
MSG_ID = "msg_2xQ5vY0bQ8T1nqG7QxkZ3mY5Lrk"


def sign(body: bytes, now: int) -> dict[str, str]:
    """The standardwebhooks library keyed as polar-sdk's validate_event keys it: base64 of the secret."""
    from standardwebhooks.webhooks import Webhook

    webhook = Webhook(base64.b64encode(SECRET.encode()).decode())
    signature = webhook.sign(MSG_ID, datetime.fromtimestamp(now, UTC), body.decode())
    return {"webhook-id": MSG_ID, "webhook-timestamp": str(now), "webhook-signature": signature}


SAMPLE = Sample(
    secret=SECRET,
    sign=sign,
    signature_header="webhook-signature",
    body=json.dumps(
        {
            "type": "order.paid",
            "timestamp": "2026-11-28T18:00:00Z",
            "data": {"id": "b8c2f0c4-2a35-4ff0-9a43-0b0c5f2d6e11", "status": "paid", "total_amount": 1500},
        }
    ).encode(),
    attributes={"event_type": "order.paid", "delivery_id": MSG_ID, "ce-type": "polar.order.paid"},
)
