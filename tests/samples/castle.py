import json

from tests.signers import Sample, stdlib_hmac

SECRET = "castle-api-secret-9f2e"

SAMPLE = Sample(
    secret=SECRET,
    # castle-python verifies only (its WebhooksVerify needs a live request): base64 HMAC-SHA256 of the
    # body with the API secret, as its _compute_signature builds it.
    sign=stdlib_hmac(SECRET, "X-Castle-Signature", encoding="base64"),
    signature_header="X-Castle-Signature",
    body=json.dumps({"type": "$incident.confirmed", "data": {"user_id": "12345", "device_token": "abc"}}).encode(),
    json=False,  # nothing is read from the body, so it is never parsed
    attributes={},
)
