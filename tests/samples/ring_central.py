import json

from tests.signers import Exchange, Sample, token

# What the operator set as deliveryMode.verificationToken when creating the subscription.
SECRET = "ringcentral-verification-token-2c8e"
VALIDATION = "d4b3a4e5-8f1c-4c2b-9e0a-3f6b7c8d9e01"

SAMPLE = Sample(
    secret=SECRET,
    # Nothing to compute: RingCentral sends the subscription's verification token as is.
    sign=token("Verification-Token", SECRET),
    signature_header="Verification-Token",
    body=json.dumps(
        {
            "uuid": "5848327423847237891",
            "event": "/restapi/v1.0/account/~/extension/~/message-store",
            "timestamp": "2026-11-28T18:00:00.000Z",
            "subscriptionId": "a7a7a7a7-0000-4b4b-8c8c-d9d9d9d9d9d9",
            "ownerId": "62264425001",
            "body": {"extensionId": 62264425001, "changes": [{"type": "SMS", "newCount": 1}]},
        }
    ).encode(),
    attributes={
        "event_type": "/restapi/v1.0/account/~/extension/~/message-store",
        "delivery_id": "5848327423847237891",
        "ce-source": "ring_central/a7a7a7a7-0000-4b4b-8c8c-d9d9d9d9d9d9",
    },
    signs_body=False,
    exchanges=(
        Exchange(
            headers={"Validation-Token": VALIDATION},
            signed=False,
            answer=b"",
            answer_headers={"Validation-Token": VALIDATION},
        ),
    ),
)
