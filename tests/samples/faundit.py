import json

from tests.signers import Sample, documented

SECRET = "faundit-webhook-signing-key-8e03"

SAMPLE = Sample(
    secret=SECRET,
    # No Faundit SDK: Python's hmac as faundit.gitbook.io describes the recommended (v1) check,
    # hex HMAC-SHA256 of "v1:" + X-Faundit-Timestamp + ":" + raw body.
    sign=documented(
        SECRET,
        lambda signature, now: {"X-Faundit-Signature-Next": signature, "X-Faundit-Timestamp": str(now)},
        message=lambda body, now: f"v1:{now}:".encode() + body,
    ),
    signature_header="X-Faundit-Signature-Next",
    body=json.dumps(
        {
            "itemID": "it_72a1c9",
            "locationID": "loc_4410",
            "status": "pickup-by-guest",
            "timestamp": "2026-11-28T18:00:00Z",
        }
    ).encode(),
    attributes={"ce-type": "faundit", "ce-source": "faundit/loc_4410"},
)
