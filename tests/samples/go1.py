import json

from tests.signers import Sample, stdlib_hmac

SECRET = "go1-shared-secret-7c41e9"

SAMPLE = Sample(
    secret=SECRET,
    # Go1's @go1/webhook-verifier-js is JavaScript only: Python's hmac following its
    # createSignature (`t=<ts>,v1=<hex HMAC-SHA256 of "<ts>.<body>">`).
    sign=stdlib_hmac(
        SECRET,
        "go1-signature",
        layout="t={timestamp},v1={signature}",
        message=lambda body, now: f"{now}.".encode() + body,
    ),
    signature_header="go1-signature",
    body=json.dumps(
        {
            "id": "5d1f0a3c-2b7e-4c8a-9f61-0e4b2d7a9c11",
            "event_type": "enrollment.complete",
            "webhook_version": "3.0.0",
            "sent": "2026-11-28T18:00:00Z",
            "attempt_number": 1,
            "url": "https://example.com/webhooks/go1",
            "webhook_id": "wh-8841",
            "data": {"enrollment_id": 1234567, "status": "completed"},
        }
    ).encode(),
    attributes={
        "event_type": "enrollment.complete",
        "delivery_id": "5d1f0a3c-2b7e-4c8a-9f61-0e4b2d7a9c11",
        "ce-type": "go1.enrollment.complete",
        "ce-source": "go1/wh-8841",
    },
)
