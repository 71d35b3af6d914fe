import json

from tests.signers import Sample, documented

SECRET = "ascend-webhook-key-3f9b21"

SAMPLE = Sample(
    secret=SECRET,
    # No Ascend SDK signs: hex HMAC-SHA256 of `<timestamp>:<body>`, as useascend.readme.io
    # documents, sent as `t=<timestamp>,v1=<hex>` beside X-Ascend-Request-Timestamp.
    sign=documented(
        SECRET,
        lambda signature, now: {
            "X-Ascend-Signature": f"t={now},v1={signature}",
            "X-Ascend-Request-Timestamp": str(now),
        },
        message=lambda body, now: f"{now}:".encode() + body,
    ),
    signature_header="X-Ascend-Signature",
    body=json.dumps(
        {
            "event_id": "evt_01H8Z3K6Q2V7W9",
            "event_name": "invoice.paid",
            "payload": {"invoice_id": "inv_7Yk2", "amount": 125000},
        }
    ).encode(),
    attributes={"event_type": "invoice.paid", "delivery_id": "evt_01H8Z3K6Q2V7W9", "ce-type": "ascend.invoice.paid"},
)
