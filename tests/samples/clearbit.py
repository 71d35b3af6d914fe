import json

from tests.signers import Sample, stdlib_hmac

SECRET = "sk_clearbit-api-key-0d4c2e"

SAMPLE = Sample(
    secret=SECRET,
    # clearbit-ruby's Webhook.valid? (no Python SDK signs): `sha1=` + hex HMAC-SHA1 of the body with the API key.
    sign=stdlib_hmac(SECRET, "X-Request-Signature", algorithm="sha1", layout="sha1={signature}"),
    signature_header="X-Request-Signature",
    body=json.dumps(
        {
            "id": "user-4711",
            "type": "person",
            "status": 200,
            "body": {"email": "alex@example.com", "name": {"fullName": "Alex Maccaw"}},
        }
    ).encode(),
    attributes={"event_type": "person", "webhook_id": "user-4711"},
)
