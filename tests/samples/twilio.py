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


ACCOUNT = "AC00000000000000000000000000000000"


def cloud_event(event_id: str, kind: str) -> dict:
    """An Event Streams event as Twilio's docs show one (Messaging, message status)."""
    return {
        "specversion": "1.0",
        "type": kind,
        "source": f"/2010-04-01/Accounts/{ACCOUNT}/Messages/SM00000000000000000000000000000000.json",
        "id": event_id,
        "dataschema": "https://events-schemas.twilio.com/Messaging.MessageStatus/5",
        "datacontenttype": "application/json",
        "time": "2026-11-30T10:15:02.000Z",
        "data": {"messageSid": "SM00000000000000000000000000000000", "messageStatus": "DELIVERED"},
    }


DELIVERED = "com.twilio.messaging.message.delivered"
# Event Streams webhook sinks POST a JSON array of CloudEvents, signed like any JSON body.
STREAM_ONE = json.dumps([cloud_event("EZ00000000000000000000000000000001", DELIVERED)]).encode()
STREAM_SAME = json.dumps([cloud_event(f"EZ0000000000000000000000000000000{n}", DELIVERED) for n in (2, 3)]).encode()
STREAM_MIXED = json.dumps(
    [
        cloud_event("EZ00000000000000000000000000000004", DELIVERED),
        cloud_event("EZ5", "com.twilio.messaging.message.sent"),
    ]
).encode()


def stream(body: bytes, attributes: dict[str, str]) -> Exchange:
    """An Event Streams delivery, published with the CloudEvents' facts as its attributes."""
    return Exchange(
        body=body,
        headers={"Content-Type": "application/json"},
        query=f"bodySHA256={hashlib.sha256(body).hexdigest()}",
        answer=b'<?xml version="1.0" encoding="UTF-8"?><Response></Response>',
        attributes=attributes,
    )


def sign(body: bytes, now: int) -> dict[str, str]:
    from twilio.request_validator import RequestValidator

    validator = RequestValidator(SECRET)
    if body[:1] in (b"{", b"["):
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
        # One event: its type and id. Several of one type: the type, and the batch's idempotency
        # token for an id. Mixed types: neither is a fact of the whole delivery.
        stream(STREAM_ONE, {"event_type": DELIVERED, "delivery_id": "EZ00000000000000000000000000000001"}),
        stream(STREAM_SAME, {"event_type": DELIVERED, "delivery_id": "5bc3a2a1-6b8b-4a9b-9e2c-0d1e2f3a4b5c"}),
        stream(STREAM_MIXED, {"delivery_id": "5bc3a2a1-6b8b-4a9b-9e2c-0d1e2f3a4b5c"}),
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
