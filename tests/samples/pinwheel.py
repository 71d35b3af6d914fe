import json

from tests.signers import Sample, documented

SECRET = "pinwheel-api-secret-0f3e9c2a"

SAMPLE = Sample(
    secret=SECRET,
    # No Pinwheel Python SDK signs: hex HMAC-SHA256 of `v2:<timestamp>:<body>` keyed with the API secret.
    sign=documented(
        SECRET,
        lambda signature, now: {"X-Timestamp": str(now), "X-Pinwheel-Signature": f"v2={signature}"},
        message=lambda body, now: f"v2:{now}:".encode() + body,
    ),
    signature_header="X-Pinwheel-Signature",
    body=json.dumps(
        {
            "event": "paystubs.fully_synced",
            "payload": {
                "account_id": "03bbc20e-bc39-464a-b4dc-4b63ffb7213d",
                "end_user_id": "my-user-123",
                "platform_id": "fce3eee0-285b-496f-9b36-30e976194736",
                "outcome": "success",
            },
        }
    ).encode(),
    attributes={"event_type": "paystubs.fully_synced", "ce-source": "pinwheel/my-user-123"},
)
