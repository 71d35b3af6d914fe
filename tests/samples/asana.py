import json

from tests.signers import Exchange, Sample, documented

# Asana hands this out in the handshake; the operator stores it as ASANA_WEBHOOK_SECRET.
SECRET = "b537207f20cbfa02357cf448134da559e8bd39d61597dcd5631b8012eae53e81"

SAMPLE = Sample(
    secret=SECRET,
    # No Asana SDK signs: hex HMAC-SHA256 of the body with the handshake secret (webhooks guide).
    sign=documented(SECRET, lambda signature, now: {"X-Hook-Signature": signature}),
    signature_header="X-Hook-Signature",
    body=json.dumps(
        {
            "events": [
                {
                    "action": "changed",
                    "resource": {"gid": "1200000000000001", "resource_type": "task"},
                    "user": {"gid": "1200000000000002", "resource_type": "user"},
                    "created_at": "2026-11-28T18:00:00.000Z",
                }
            ]
        }
    ).encode(),
    attributes={"provider": "asana", "ce-type": "asana", "ce-source": "asana"},
    json=False,  # nothing is read from the body, so it is never parsed
    exchanges=(
        Exchange(
            headers={"X-Hook-Secret": SECRET},
            signed=False,
            answer=b"",
            answer_headers={"X-Hook-Secret": SECRET},
        ),
    ),
)
