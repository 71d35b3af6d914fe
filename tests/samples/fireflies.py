import hashlib
import hmac
import json

from tests.signers import Exchange, Sample, stdlib_hmac

SECRET = "ff-signing-secret-0123456789ab"  # Fireflies accepts 16-32 characters

# Webhooks V1 (docs.fireflies.ai/graphql-api/webhooks): the bare hex digest, no prefix.
V1_BODY = json.dumps(
    {"meetingId": "ASxwZxCstx", "eventType": "Transcription completed", "clientReferenceId": "be582c46"}
).encode()

SAMPLE = Sample(
    secret=SECRET,
    # No Fireflies SDK signs: Python's hmac as the Webhooks V2 docs describe, `sha256=<hex>` of the body.
    sign=stdlib_hmac(SECRET, "X-Hub-Signature", layout="sha256={signature}"),
    signature_header="X-Hub-Signature",
    body=json.dumps(
        {
            "event": "meeting.transcribed",
            "timestamp": 1710876543210,
            "meeting_id": "ASxwZxCstx",
            "client_reference_id": "be582c46-4ac9-4565-9ba6-6ab4264496a8",
        }
    ).encode(),
    headers={"User-Agent": "Fireflies-Webhook/1.0"},
    attributes={"event_type": "meeting.transcribed", "ce-type": "fireflies.meeting.transcribed"},
    variants=(
        Exchange(
            body=V1_BODY,
            headers={"X-Hub-Signature": hmac.new(SECRET.encode(), V1_BODY, hashlib.sha256).hexdigest()},
            attributes={"event_type": "Transcription completed"},
        ),
    ),
)
