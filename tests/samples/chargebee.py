import json

from tests.signers import Sample, basic

CREDENTIALS = "chargebee-hooks:5d2e8f1a9c"

SAMPLE = Sample(
    secret=CREDENTIALS,
    sign=basic(CREDENTIALS),  # Chargebee sends the webhook's username and password as HTTP Basic
    signature_header="Authorization",
    body=json.dumps(
        {
            "id": "ev_16BHbhF4s42tO2lK",
            "occurred_at": 1764352800,
            "source": "admin_console",
            "object": "event",
            "api_version": "v2",
            "event_type": "subscription_created",
            "content": {"subscription": {"id": "16BHbhF4s42tO2lJ", "status": "active"}},
        }
    ).encode(),
    signs_body=False,
    attributes={
        "event_type": "subscription_created",
        "delivery_id": "ev_16BHbhF4s42tO2lK",
        "ce-type": "chargebee.subscription_created",
    },
)
