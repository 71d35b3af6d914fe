import hashlib
import hmac
import json

from tests.signers import Sample

# No Linear SDK for Python; stdlib hmac as Linear documents: HMAC-SHA256(secret, body), hex.
SECRET = "lin_wh_test_8d2c0b6f1a"


def sign(body: bytes, now: int) -> dict[str, str]:
    return {"Linear-Signature": hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()}


def body(timestamp_ms: int | None) -> bytes:
    document = {
        "action": "create",
        "type": "Issue",
        "data": {"id": "2174add1-f7c8-44e3-bbf3-2d60b5ea8bc9", "title": "Crash on start"},
        "url": "https://linear.app/acme/issue/ENG-1",
        "organizationId": "fd8a8bd5-0d3c-4e1d-8c3b-4c1a2f1e9f11",
        "webhookId": "000042e3-d123-4980-b49f-8e140eef9329",
    }
    if timestamp_ms is not None:
        document["webhookTimestamp"] = timestamp_ms
    return json.dumps(document).encode()


SAMPLE = Sample(
    secret=SECRET,
    sign=sign,
    signature_header="Linear-Signature",
    body=body(1700000000000),
    fresh=lambda now: body(now * 1000),
    forgeries=(lambda now: body(None),),
    headers={"Linear-Delivery": "234d1a4e-b617-4388-90fe-adc3633d6b72", "Linear-Event": "Issue"},
    attributes={
        "event_type": "Issue",
        "delivery_id": "234d1a4e-b617-4388-90fe-adc3633d6b72",
        "ce-source": "linear/000042e3-d123-4980-b49f-8e140eef9329",
        "ce-type": "linear.Issue",
    },
)
