import json

from tests.signers import Sample, stdlib_hmac

SECRET = "vercel-webhook-secret-0c4d"

SAMPLE = Sample(
    secret=SECRET,
    # No Vercel SDK signs: hex HMAC-SHA1 of the body, as vercel.com/docs/webhooks documents.
    sign=stdlib_hmac(SECRET, "x-vercel-signature", algorithm="sha1"),
    signature_header="x-vercel-signature",
    body=json.dumps(
        {
            "id": "uev_2ODrVsbKBhDdFAbrrBhf1WqX",
            "type": "deployment.succeeded",
            "createdAt": 1700000000000,
            "payload": {"deployment": {"id": "dpl_2euZBFqxYdDMDG1jTrHFnNZ2eUVa"}},
            "region": "sfo1",
        }
    ).encode(),
    attributes={
        "event_type": "deployment.succeeded",
        "delivery_id": "uev_2ODrVsbKBhDdFAbrrBhf1WqX",
        "ce-type": "vercel.deployment.succeeded",
    },
)
