import json

from tests.signers import Sample, documented

SECRET = "ld-webhook-secret-2c4e6a"

SAMPLE = Sample(
    secret=SECRET,
    # No LaunchDarkly SDK signs: hex HMAC-SHA256 of the payload with the webhook secret (docs).
    sign=documented(SECRET, lambda signature, now: {"X-LD-Signature": signature}),
    signature_header="X-LD-Signature",
    body=json.dumps(
        {
            "_id": "57c0a8e29969090743529965",
            "date": 1472243938774,
            "accesses": [{"action": "updateName", "resource": "proj/alexis:env/test"}],
            "kind": "environment",
            "name": "Testing",
        }
    ).encode(),
    attributes={
        "event_type": "environment",
        "delivery_id": "57c0a8e29969090743529965",
        "ce-type": "launchdarkly.environment",
    },
)
