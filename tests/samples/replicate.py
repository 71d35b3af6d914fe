import json

from tests.signers import Sample, svix

SECRET = "whsec_cmVwbGljYXRlLXRlc3Qtc2lnbmluZy1zZWNyZXQ="
MSG_ID = "msg_2ZpEUr7DPnVOz4WL0JgWNjr5Nwm"

SAMPLE = Sample(
    secret=SECRET,
    # Replicate sends Standard Webhooks headers (`webhook-*`); Svix's signer writes them under that prefix.
    sign=svix(SECRET, MSG_ID, prefix="webhook"),
    signature_header="webhook-signature",
    body=json.dumps(
        {
            "id": "gm3qorzdhgbfurvjtvhg6dckhu",
            "model": "black-forest-labs/flux-schnell",
            "status": "succeeded",
            "output": ["https://replicate.delivery/xezq/out-0.webp"],
        }
    ).encode(),
    attributes={"event_type": "succeeded", "delivery_id": MSG_ID, "ce-type": "replicate.succeeded"},
)
