import json

from tests.signers import Sample, stdlib_hmac

SECRET = "calendly-signing-key-5e1c7b"

SAMPLE = Sample(
    secret=SECRET,
    # No Calendly SDK signs: hex HMAC-SHA256 of `t.body`, as developer.calendly.com documents.
    sign=stdlib_hmac(
        SECRET,
        "Calendly-Webhook-Signature",
        layout="t={timestamp},v1={signature}",
        message=lambda body, now: f"{now}.".encode() + body,
    ),
    signature_header="Calendly-Webhook-Signature",
    body=json.dumps(
        {
            "event": "invitee.created",
            "created_at": "2020-11-23T17:51:19.000000Z",
            "created_by": "https://api.calendly.com/users/AAAAAAAAAAAAAAAA",
            "payload": {
                "uri": "https://api.calendly.com/scheduled_events/GBGBDCAADAEDCRZ2/invitees/AAAAAAAAAAAAAAAA",
                "email": "test@example.com",
            },
        }
    ).encode(),
    attributes={"event_type": "invitee.created", "ce-type": "calendly.invitee.created", "ce-source": "calendly"},
)
