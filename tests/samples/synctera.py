import json

from tests.signers import Sample, documented

SECRET = "synctera-webhook-secret-2b8d41"
BODY = json.dumps(
    {
        "id": "7c2b5a52-2f3e-4b8e-9d0e-3f3b1a2c4d5e",
        "type": "TRANSACTIONS.POSTED.CREATED",
        "event_time": "2024-03-05T17:21:08Z",
        "url": "https://example.com/webhooks/synctera",
        "webhook_id": "0d1f7c8a-5f9e-4b0a-8d2e-6c3b9a7e1f20",
        "event_resource": json.dumps({"id": "txn_1", "amount": 1250, "currency": "USD"}),
    }
).encode()

SAMPLE = Sample(
    secret=SECRET,
    # No Synctera SDK signs: hex HMAC-SHA256 of `<Request-Timestamp>.<body>` (Synctera's webhooks guide).
    sign=documented(
        SECRET,
        lambda signature, now: {"Synctera-Signature": signature, "Request-Timestamp": str(now)},
        message=lambda body, now: f"{now}.".encode() + body,
    ),
    signature_header="Synctera-Signature",
    body=BODY,
    attributes={"event_type": "TRANSACTIONS.POSTED.CREATED", "delivery_id": "7c2b5a52-2f3e-4b8e-9d0e-3f3b1a2c4d5e"},
)
