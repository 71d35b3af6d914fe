import json

from tests.signers import Sample, stdlib_hmac

SECRET = "razorpay-webhook-secret-71aa"

SAMPLE = Sample(
    secret=SECRET,
    # razorpay (the official library) only verifies; it agrees with this (test_cross_checks).
    sign=stdlib_hmac(SECRET, "X-Razorpay-Signature"),
    signature_header="X-Razorpay-Signature",
    body=json.dumps(
        {
            "entity": "event",
            "account_id": "acc_BFQ7uQEaa7j2z7",
            "event": "payment.captured",
            "contains": ["payment"],
            "payload": {
                "payment": {
                    "entity": {"id": "pay_DESlfW9H8K9uqM", "amount": 100, "currency": "INR", "status": "captured"}
                }
            },
            "created_at": 1567674606,
        }
    ).encode(),
    headers={"x-razorpay-event-id": "KXd7hbNQoE5b4e"},
    attributes={
        "event_type": "payment.captured",
        "delivery_id": "KXd7hbNQoE5b4e",
        "ce-source": "razorpay/acc_BFQ7uQEaa7j2z7",
    },
)
