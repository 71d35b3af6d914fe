import json

from tests.signers import Sample, stdlib_hmac

SECRET = "gocardless-webhook-endpoint-secret"

SAMPLE = Sample(
    secret=SECRET,
    # gocardless-pro (the official library) only verifies; it agrees with this (test_cross_checks).
    sign=stdlib_hmac(SECRET, "Webhook-Signature"),
    signature_header="Webhook-Signature",
    body=json.dumps(
        {
            "events": [
                {
                    "id": "EV123",
                    "created_at": "2026-11-28T18:00:00.000Z",
                    "action": "confirmed",
                    "resource_type": "payments",
                    "links": {"payment": "PM123"},
                    "details": {"origin": "gocardless", "cause": "payment_confirmed"},
                }
            ],
            "meta": {"webhook_id": "WB123"},
        }
    ).encode(),
    attributes={"event_type": "payments", "delivery_id": "WB123", "action": "confirmed"},
)
