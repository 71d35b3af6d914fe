import json

from tests.signers import Sample, stdlib_hmac

SECRET = "fastspring-hmac-sha256-secret-42"

SAMPLE = Sample(
    secret=SECRET,
    # No FastSpring SDK for Python: base64 HMAC-SHA256 of the payload (FastSpring, message security).
    sign=stdlib_hmac(SECRET, "X-FS-Signature", encoding="base64"),
    signature_header="X-FS-Signature",
    body=json.dumps(
        {
            "events": [
                {
                    "id": "6e7rC9tnQB2Q2ZQ8aXfO4Q",
                    "live": False,
                    "processed": False,
                    "type": "order.completed",
                    "created": 1764352800000,
                    "data": {"order": "gDdYpSNHRnmrETzsQWz3Qg", "reference": "FUR191209-4563-31101"},
                }
            ]
        }
    ).encode(),
    attributes={"event_type": "order.completed", "ce-type": "fastspring.order.completed"},
)
