import json

from tests.signers import Sample, stdlib_hmac

SECRET = "atlas-webhook-secret-8d0c"

SAMPLE = Sample(
    secret=SECRET,
    # No MongoDB SDK signs: base64 HMAC-SHA1 of the request body with the webhook secret (Atlas docs).
    sign=stdlib_hmac(SECRET, "X-MMS-Signature", algorithm="sha1", encoding="base64"),
    signature_header="X-MMS-Signature",
    headers={"X-MMS-Event": "alert.open"},
    body=json.dumps(
        {
            "id": "5e1f3c2b9a8d7c6b5a4f3e2d",
            "groupId": "5b0c9d8e7f6a5b4c3d2e1f0a",
            "eventTypeName": "OUTSIDE_METRIC_THRESHOLD",
            "status": "OPEN",
            "created": "2026-11-28T18:00:00Z",
        }
    ).encode(),
    attributes={
        "event_type": "alert.open",
        "ce-type": "mongodb.alert.open",
        "ce-source": "mongodb/5b0c9d8e7f6a5b4c3d2e1f0a",
    },
)
