import hashlib
import json

from tests.signers import Exchange, Sample, stdlib_hmac

SECRET = "tebex-webhook-secret-e4f1a9"
VALIDATION = {
    "id": "2c116b11-1110-91e0-b266-b792c8da5f11",
    "type": "validation.webhook",
    "date": "2021-08-24T12:21:47+00:00",
    "subject": {},
}

SAMPLE = Sample(
    secret=SECRET,
    # No Tebex SDK signs: HMAC-SHA256 (hex) of the hex SHA-256 of the JSON body, as Tebex's overview describes.
    sign=stdlib_hmac(SECRET, "X-Signature", message=lambda body, now: hashlib.sha256(body).hexdigest().encode()),
    signature_header="X-Signature",
    body=json.dumps(
        {
            "id": "eaa0a1f9-bd2a-4e9c-8fb1-1d5a1e3c7b42",
            "type": "payment.completed",
            "date": "2022-08-18T10:21:30+00:00",
            "subject": {"transaction_id": "tbx-26309791a15301-a6fd75", "status": {"id": 1, "description": "Complete"}},
        }
    ).encode(),
    attributes={"event_type": "payment.completed", "delivery_id": "eaa0a1f9-bd2a-4e9c-8fb1-1d5a1e3c7b42"},
    exchanges=(
        Exchange(
            body=json.dumps(VALIDATION).encode(),
            answer=json.dumps({"id": VALIDATION["id"]}).encode(),
            answer_headers={"Content-Type": "application/json"},
        ),
    ),
)
