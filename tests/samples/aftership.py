import json

from tests.signers import Sample, stdlib_hmac

SECRET = "aftership-webhook-secret-61ac"

SAMPLE = Sample(
    secret=SECRET,
    # No AfterShip SDK signs: base64 HMAC-SHA256 of the body with the webhook secret (AfterShip docs).
    sign=stdlib_hmac(SECRET, "aftership-hmac-sha256", encoding="base64"),
    signature_header="aftership-hmac-sha256",
    body=json.dumps(
        {
            "event": "tracking_update",
            "event_id": "3a9b6a8e-1f2c-4d5e-8a7b-9c0d1e2f3a4b",
            "is_tracking_first_tag": False,
            "msg": {"id": "5b7658cec7c33c0e007de3c5", "tracking_number": "1Z0000000000000000", "tag": "InTransit"},
            "ts": 1764352800,
        }
    ).encode(),
    attributes={
        "event_type": "tracking_update",
        "delivery_id": "3a9b6a8e-1f2c-4d5e-8a7b-9c0d1e2f3a4b",
        "ce-type": "aftership.tracking_update",
    },
)
