import base64
import hashlib
import hmac

from tests.signers import Sample

# squareup's WebhooksHelper only verifies; stdlib hmac as Square documents:
# base64(HMAC-SHA256(signature key, notification URL + body)). Published vectors: tests/vectors/square.json.
SECRET = "Ibxx_5AKakO-3qeNVR61Dw"
URL = "https://hooks.example.com/square"


def sign(body: bytes, now: int) -> dict[str, str]:
    digest = hmac.new(SECRET.encode(), URL.encode() + body, hashlib.sha256).digest()
    return {"x-square-hmacsha256-signature": base64.b64encode(digest).decode()}


SAMPLE = Sample(
    secret=SECRET,
    sign=sign,
    signature_header="x-square-hmacsha256-signature",
    body=b'{"merchant_id":"MLEFBHHSJGVHD","type":"payment.updated","event_id":"ac3ac95b-f97d-458c-a6e6-18981597e05f",'
    b'"created_at":"2022-07-13T20:30:59.037339943Z","data":{"type":"payment","id":"bc368e64"}}',
    attributes={
        "event_type": "payment.updated",
        "delivery_id": "ac3ac95b-f97d-458c-a6e6-18981597e05f",
        "ce-source": "square/MLEFBHHSJGVHD",
        "ce-type": "square.payment.updated",
    },
    settings={"SQUARE_PUBLIC_URL": URL},
)
