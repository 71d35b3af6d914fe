import json

from tests.signers import Sample, stdlib_hmac

SECRET = "picqer-hook-secret-6f0e2a"

SAMPLE = Sample(
    secret=SECRET,
    # No Python SDK: base64 HMAC-SHA256 of the body, as picqer-php's PicqerWebhook::retrieveWithSecret computes it.
    sign=stdlib_hmac(SECRET, "X-Picqer-Signature", encoding="base64"),
    signature_header="X-Picqer-Signature",
    body=json.dumps(
        {
            "idhook": 1337,
            "name": "Completed orders to ERP",
            "event": "orders.completed",
            "event_triggered_at": "2024-05-02 14:03:11",
            "data": {"idorder": 2201, "orderid": "O2024-2201", "status": "completed"},
        }
    ).encode(),
    attributes={"event_type": "orders.completed", "ce-source": "picqer/1337"},
)
