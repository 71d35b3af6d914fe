import hashlib
import json
from urllib.parse import parse_qsl, urlencode

from tests.signers import Exchange, Sample

SECRET = "9d2f1b7c3e5a4d6f8b0c2e4a6d8f0b1c"  # an Auth Token
PUBLIC_URL = "https://hooks.example.com/twilio"
QUERY = "tenant=acme&x=1"
# As Cloud Run's front end passes the request on: the URL Twilio called is rebuilt from these.
FORWARDED = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "hooks.example.com"}
JSON_BODY = json.dumps({"property": "value", "boolean": True}).encode()


def sign(body: bytes, now: int) -> dict[str, str]:
    from twilio.request_validator import RequestValidator

    validator = RequestValidator(SECRET)
    if body.startswith(b"{"):
        # JSON bodies: Twilio signs the URL alone, with the body's hash in `bodySHA256`.
        url = f"{PUBLIC_URL}?bodySHA256={hashlib.sha256(body).hexdigest()}"
        return {"X-Twilio-Signature": validator.compute_signature(url, {})}
    return {"X-Twilio-Signature": validator.compute_signature(f"{PUBLIC_URL}?{QUERY}", dict(parse_qsl(body.decode())))}


SAMPLE = Sample(
    secret=SECRET,
    sign=sign,
    signature_header="X-Twilio-Signature",
    content_type="application/x-www-form-urlencoded",
    body=urlencode(
        {
            "MessageSid": "SM1f0e8ae6ade43cb3c0ce4525424e404f",
            "AccountSid": "AC00000000000000000000000000000000",
            "From": "+14158675309",
            "To": "+18005551212",
            "Body": "Héllo & bye+1",
            "SmsStatus": "received",
        }
    ).encode(),
    query=QUERY,
    headers={"I-Twilio-Idempotency-Token": "5bc3a2a1-6b8b-4a9b-9e2c-0d1e2f3a4b5c", **FORWARDED},
    attributes={
        "event_type": "received",
        "delivery_id": "5bc3a2a1-6b8b-4a9b-9e2c-0d1e2f3a4b5c",
        "ce-source": "twilio/AC00000000000000000000000000000000",
    },
    json=False,
    ack=(200, b'<?xml version="1.0" encoding="UTF-8"?><Response></Response>'),
    ack_headers={"Content-Type": "text/xml; charset=utf-8"},
    variants=(
        Exchange(
            body=JSON_BODY,
            headers={"Content-Type": "application/json"},
            query=f"bodySHA256={hashlib.sha256(JSON_BODY).hexdigest()}",
            answer=b'<?xml version="1.0" encoding="UTF-8"?><Response></Response>',
        ),
    ),
    rejects=(
        # Signed for the JSON body, sent with another body: its hash no longer matches.
        Exchange(
            body=JSON_BODY + b" ",
            headers={"Content-Type": "application/json", **FORWARDED, **sign(JSON_BODY, 0)},
            query=f"bodySHA256={hashlib.sha256(JSON_BODY).hexdigest()}",
            signed=False,
            status=401,
            answer=b"Unauthorized",
        ),
    ),
)
