import json

from tests.signers import Exchange, Sample, stdlib_hmac

SECRET = "orbit-secret-token-2b7c5e"

SAMPLE = Sample(
    secret=SECRET,
    # No Orbit SDK signs: Python's hmac as docs.orbit.love describes X-Orbit-Signature
    # ("HMAC hex digest of HTTP request body using optional secret token as HMAC-SHA256 key").
    sign=stdlib_hmac(SECRET, "X-Orbit-Signature", layout="sha256={signature}"),
    signature_header="X-Orbit-Signature",
    headers={
        "X-Orbit-Event": "64260d001868a29e13c816ec",
        "X-Orbit-Event-Id": "376447",
        "X-Orbit-Event-Type": "activity:created",
        "User-Agent": "Orbit-Webhooks/1.0",
    },
    json=False,  # every fact is read from headers: the body is published as received
    # The docs' activity:created example, shortened.
    body=json.dumps(
        {
            "event_id": "1",
            "event_type": "activity:created",
            "event_payload": {
                "data": {
                    "id": "5159390",
                    "type": "star_activity",
                    "attributes": {"action": "created", "occurred_at": "2020-12-21T19:45:53.000Z"},
                }
            },
        }
    ).encode(),
    attributes={
        "event_type": "activity:created",
        "delivery_id": "376447",
        "ce-type": "orbit.activity:created",
        "ce-source": "orbit",
    },
    # RedwoodJS's webhook docs verify Orbit with `secretKeyVerifier`: the header is the token itself.
    variants=(Exchange(body=b'{"event_type": "activity:created"}', headers={"X-Orbit-Signature": SECRET}),),
    # Near misses of that form: another token, the token with a `sha256=` prefix.
    rejects=tuple(
        Exchange(
            body=b'{"event_type": "activity:created"}',
            headers={"Content-Type": "application/json", "X-Orbit-Signature": value},
            signed=False,
            status=401,
            answer=None,
        )
        for value in (SECRET[:-1] + "X", "sha256=" + SECRET)
    ),
)
