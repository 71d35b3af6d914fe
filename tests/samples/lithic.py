import json

from tests.signers import Sample, svix

SECRET = "whsec_bGl0aGljLXRlc3Qtc2lnbmluZy1zZWNyZXQ="
MSG_ID = "msg_2Lh9KRb0pzN4LePd3XiA4v12Axj"

SAMPLE = Sample(
    secret=SECRET,
    # Lithic sends Standard Webhooks headers (`webhook-*`); Svix's signer writes them under that prefix.
    # tests/vectors/svix.json also holds lithic-go's own published vector.
    sign=svix(SECRET, MSG_ID, prefix="webhook"),
    signature_header="webhook-signature",
    body=json.dumps(
        {
            "event_type": "card_transaction.updated",
            "token": "9f1c2a7e-3d4b-4c5a-8e6f-7a8b9c0d1e2f",
            "created": "2026-11-28T18:00:00Z",
            "status": "SETTLED",
        }
    ).encode(),
    attributes={
        "event_type": "card_transaction.updated",
        "delivery_id": MSG_ID,
        "ce-type": "lithic.card_transaction.updated",
    },
)
