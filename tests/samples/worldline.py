import json

from tests.signers import Exchange, Sample, stdlib_hmac

SECRET = "worldline-webhooks-secret-key-2c8d"

SAMPLE = Sample(
    secret=SECRET,
    # The SDK only validates: base64 HMAC-SHA256 of the raw body, exactly as its SignatureValidator computes it.
    sign=stdlib_hmac(SECRET, "X-GCS-Signature", encoding="base64"),
    signature_header="X-GCS-Signature",
    headers={"X-GCS-KeyId": "key-1"},
    body=json.dumps(
        {
            "apiVersion": "v1",
            "id": "97a4fcdf-9a08-4a59-a0c0-69bfd7e1d59d",
            "created": "2017-09-14T17:14:39.688+0200",
            "merchantId": "20000",
            "type": "payment.created",
            "payment": {"id": "000000123410000595980000100001", "status": "CREATED"},
        }
    ).encode(),
    attributes={
        "event_type": "payment.created",
        "delivery_id": "97a4fcdf-9a08-4a59-a0c0-69bfd7e1d59d",
        "ce-source": "worldline/20000",
        "key_id": "key-1",
    },
    exchanges=(
        Exchange(
            method="GET",
            headers={"X-GCS-Webhooks-Endpoint-Verification": "a0b1c2d3e4f5"},
            signed=False,
            answer=b"a0b1c2d3e4f5",
            answer_headers={"Content-Type": "text/plain", "X-Content-Type-Options": "nosniff"},
        ),
    ),
)
