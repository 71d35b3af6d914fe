import hashlib
import hmac
import json

from tests.signers import Exchange, Sample, mac, stdlib_hmac

SECRET = "linkedin-client-secret-7Qx2"
CODE = "890e4665-4dfe-4ab1-b689-ed553bceeed0"
# The challenge answer as LinkedIn's validation page defines it: Hex(HMACSHA256(challengeCode, clientSecret)).
ANSWER = hmac.new(SECRET.encode(), CODE.encode(), hashlib.sha256).hexdigest()

BODY = json.dumps(
    {
        "type": "LEAD_ACTION",
        "leadGenFormResponse": "urn:li:leadGenFormResponse:6f8b1d2e",
        "owner": {"sponsoredAccount": "urn:li:sponsoredAccount:520866471"},
        "notificationId": 1234567,
    }
).encode()
ARRAY = json.dumps([{"type": "LEAD_ACTION", "notificationId": 1234568}]).encode()

SAMPLE = Sample(
    secret=SECRET,
    # No LinkedIn Python SDK signs: hex HMAC-SHA256 of `hmacsha256=` + body (LinkedIn's webhook page).
    sign=stdlib_hmac(SECRET, "X-LI-Signature", message=lambda body, now: b"hmacsha256=" + body),
    signature_header="X-LI-Signature",
    body=BODY,
    json=False,  # nothing here parses the body
    # The page's other two readings, computed by `cryptography`: `hmacsha256=` as the header's
    # prefix over HMAC(body), and the plain HMAC(body).
    variants=(
        Exchange(body=BODY, headers={"X-LI-Signature": "hmacsha256=" + mac(SECRET, BODY).hex()}),
        Exchange(body=BODY, headers={"X-LI-Signature": mac(SECRET, BODY).hex()}),
    ),
    exchanges=(
        Exchange(
            method="GET",
            query=f"challengeCode={CODE}",
            signed=False,
            answer=json.dumps({"challengeCode": CODE, "challengeResponse": ANSWER}).encode(),
            answer_headers={"Content-Type": "application/json"},
        ),
    ),
    rejects=(
        # A challenge that is not a UUID is never answered: it could ask for a notification's signature.
        Exchange(method="GET", query="challengeCode=hmacsha256%3D%7B%7D", signed=False, status=400, answer=None),
        # The challenge's answer, replayed as the signature of the challenge code itself: HMAC(body)
        # verifies only a JSON object, in either layout.
        *(
            Exchange(
                body=CODE.encode(), headers={"X-LI-Signature": layout + ANSWER}, signed=False, status=401, answer=None
            )
            for layout in ("", "hmacsha256=")
        ),
        # Nor any other body that is not an object, a JSON array included.
        Exchange(
            body=ARRAY, headers={"X-LI-Signature": mac(SECRET, ARRAY).hex()}, signed=False, status=401, answer=None
        ),
    ),
)
