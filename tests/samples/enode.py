import json

from tests.signers import Sample, stdlib_hmac

SECRET = "enode-webhook-secret-0123456789abcdef"

SAMPLE = Sample(
    secret=SECRET,
    # No Enode Python SDK signs: hex HMAC-SHA1 of the raw body, `sha1=` prefix.
    sign=stdlib_hmac(SECRET, "x-enode-signature", algorithm="sha1", layout="sha1={signature}"),
    signature_header="x-enode-signature",
    headers={"x-enode-delivery": "a6b5d9e0-5a3c-4c6e-9d1f-2b8e7c4f1a03"},
    body=json.dumps(
        [
            {
                "event": "user:vehicle:updated",
                "createdAt": "2024-03-18T12:07:20.581Z",
                "version": "2024-01-01",
                "user": {"id": "a9b1c2d3"},
                "vehicle": {"id": "4b5c6d7e", "chargeState": {"isPluggedIn": True}},
            }
        ]
    ).encode(),
    attributes={"event_type": "user:vehicle:updated", "delivery_id": "a6b5d9e0-5a3c-4c6e-9d1f-2b8e7c4f1a03"},
)
