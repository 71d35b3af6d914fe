import json

from tests.signers import Sample, svix

SECRET = "whsec_Y2xlcmstdGVzdC1zaWduaW5nLXNlY3JldC0x"
MSG_ID = "msg_2bT6aDyXq0mHtAkLnDNcv5hZcLs"

SAMPLE = Sample(
    secret=SECRET,
    sign=svix(SECRET, MSG_ID),  # Clerk delivers through Svix: svix's own Webhook.sign
    signature_header="svix-signature",
    body=json.dumps(
        {"type": "user.created", "object": "event", "data": {"id": "user_29w83sxmDNGwOuEthce5gg56FcC"}}
    ).encode(),
    attributes={"event_type": "user.created", "delivery_id": MSG_ID, "ce-type": "clerk.user.created"},
)
