import hashlib
import hmac
import json

from tests.signers import Exchange, Sample, stdlib_hmac

SECRET = "linkedin-client-secret-7Qx2"
CODE = "890e4665-4dfe-4ab1-b689-ed553bceeed0"

SAMPLE = Sample(
    secret=SECRET,
    # No LinkedIn Python SDK signs: hex HMAC-SHA256 of `hmacsha256=` + body (LinkedIn's webhook page).
    sign=stdlib_hmac(SECRET, "X-LI-Signature", message=lambda body, now: b"hmacsha256=" + body),
    signature_header="X-LI-Signature",
    body=json.dumps(
        {
            "type": "LEAD_ACTION",
            "leadGenFormResponse": "urn:li:leadGenFormResponse:6f8b1d2e",
            "owner": {"sponsoredAccount": "urn:li:sponsoredAccount:520866471"},
            "notificationId": 1234567,
        }
    ).encode(),
    json=False,  # nothing here parses the body
    exchanges=(
        Exchange(
            method="GET",
            query=f"challengeCode={CODE}",
            signed=False,
            answer=json.dumps(
                {
                    "challengeCode": CODE,
                    "challengeResponse": hmac.new(SECRET.encode(), CODE.encode(), hashlib.sha256).hexdigest(),
                }
            ).encode(),
            answer_headers={"Content-Type": "application/json"},
        ),
    ),
    # A challenge that is not a UUID is never answered: it could ask for a notification's signature.
    rejects=(Exchange(method="GET", query="challengeCode=hmacsha256%3D%7B%7D", signed=False, status=400, answer=None),),
)
