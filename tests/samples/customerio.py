import json

from tests.signers import Sample, documented

SECRET = "cio-webhook-signing-key-4b8e"

SAMPLE = Sample(
    secret=SECRET,
    # No Customer.io SDK signs: hex HMAC-SHA256 of `v0:<timestamp>:<body>` (docs.customer.io, "Securely
    # verifying requests"), the timestamp sent in X-CIO-Timestamp.
    sign=documented(
        SECRET,
        lambda signature, now: {"X-CIO-Signature": signature, "X-CIO-Timestamp": str(now)},
        message=lambda body, now: f"v0:{now}:".encode() + body,
    ),
    signature_header="X-CIO-Signature",
    body=json.dumps(
        {
            "event_id": "01E4C4CT6YDC7Y5M7FE1GWWPQJ",
            "object_type": "email",
            "metric": "opened",
            "timestamp": 1613063089,
            "data": {"customer_id": "42", "delivery_id": "RPILAgABcRhIBqSp7kiPekGBIeVh", "identifiers": {"id": "42"}},
        }
    ).encode(),
    attributes={"event_type": "opened", "delivery_id": "01E4C4CT6YDC7Y5M7FE1GWWPQJ", "ce-type": "customerio.opened"},
)
