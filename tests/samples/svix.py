import json

from tests.signers import Sample, svix

SECRET = "whsec_c3ZpeC10ZXN0LXNpZ25pbmctc2VjcmV0LTI="
MSG_ID = "msg_2bTQ3hUj0rGiIYx7oKc8Z8x9FqL"

SAMPLE = Sample(
    secret=SECRET,
    sign=svix(SECRET, MSG_ID),  # svix's own Webhook.sign
    signature_header="svix-signature",
    body=json.dumps(
        {"type": "invoice.paid", "id": "evt_0042", "data": {"invoice": "in_1029", "amount": 1999}}
    ).encode(),
    attributes={"event_type": "invoice.paid", "delivery_id": MSG_ID, "ce-type": "svix.invoice.paid"},
)
