import json

from tests.signers import Sample, svix

SECRET = "whsec_cmVzZW5kLXRlc3Qtc2lnbmluZy1zZWNyZXQ="
MSG_ID = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"

SAMPLE = Sample(
    secret=SECRET,
    sign=svix(SECRET, MSG_ID),  # Resend delivers through Svix: svix's own Webhook.sign
    signature_header="svix-signature",
    body=json.dumps(
        {"type": "email.delivered", "created_at": "2026-11-28T18:00:00.000Z", "data": {"email_id": "4ef9a417"}}
    ).encode(),
    attributes={"event_type": "email.delivered", "delivery_id": MSG_ID, "ce-type": "resend.email.delivered"},
)
