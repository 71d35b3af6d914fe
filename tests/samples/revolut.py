import json

from tests.signers import Sample, documented

SECRET = "wsk_r59a4HfWVAKycbCaNO1RvgCJec02gRd8"


SAMPLE = Sample(
    secret=SECRET,
    # No Revolut SDK signs: hex HMAC-SHA256 of `v1.<Revolut-Request-Timestamp>.<raw body>`,
    # `v1=<hex>`, as developer.revolut.com's "Verify the payload signature" shows in Python.
    sign=documented(
        SECRET,
        lambda signature, now: {"Revolut-Signature": f"v1={signature}", "Revolut-Request-Timestamp": str(now * 1000)},
        message=lambda body, now: f"v1.{now * 1000}.".encode() + body,
    ),
    signature_header="Revolut-Signature",
    body=json.dumps(
        {
            "data": {
                "id": "645a7696-1234-aa47-1234-cbae0449cc46",
                "new_state": "completed",
                "old_state": "pending",
                "request_id": "app_charges-9f5d5eb3-1234-1234-1234-3914763e0bcb",
            },
            "event": "TransactionStateChanged",
            "timestamp": "2023-05-09T16:36:38.028960Z",
        },
        separators=(",", ":"),
    ).encode(),
    attributes={"event_type": "TransactionStateChanged", "ce-type": "revolut.TransactionStateChanged"},
)
