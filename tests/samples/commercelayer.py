import json

from tests.signers import Sample, stdlib_hmac

SECRET = "cl-shared-secret-a41c9e"

SAMPLE = Sample(
    secret=SECRET,
    # No Commerce Layer Python SDK signs: base64 HMAC-SHA256 of the raw body (docs' Node example).
    sign=stdlib_hmac(SECRET, "X-CommerceLayer-Signature", encoding="base64"),
    signature_header="X-CommerceLayer-Signature",
    headers={"X-CommerceLayer-Topic": "orders.place"},
    body=json.dumps(
        {
            "data": {
                "id": "wBXVhKzrnq",
                "type": "orders",
                "links": {"self": "/api/orders/wBXVhKzrnq"},
                "attributes": {"number": 13, "status": "placed", "currency_code": "EUR"},
            }
        }
    ).encode(),
    attributes={
        "event_type": "orders.place",
        "ce-source": "commercelayer/orders",
        "ce-type": "commercelayer.orders.place",
    },
)
