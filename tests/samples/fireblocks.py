import json

from tests.signers import FIREBLOCKS_KID, Sample, detached_jws, fireblocks_key

WORKSPACE = "3f1c9a2e-7b4d-4e8a-9c1f-5d6e7f8a9b0c"

SAMPLE = Sample(
    # The secret is the workspace id deliveries must name (Fireblocks' keys sign every workspace's).
    secret=WORKSPACE,
    # No Fireblocks SDK signs webhooks: jwcrypto makes the detached RS512 JWS the validating-webhooks
    # page describes, with a test key the loopback JWKS server publishes.
    sign=detached_jws("Fireblocks-Webhook-Signature", fireblocks_key(), FIREBLOCKS_KID),
    signature_header="Fireblocks-Webhook-Signature",
    body=json.dumps(
        {
            "id": "6b3c0f3e-2a9d-4b7e-8f1a-0c2d3e4f5a6b",
            "resourceId": "9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a",
            "workspaceId": WORKSPACE,
            "eventType": "transaction.created",
            "createdAt": 1754229343763,
            "data": {"id": "9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a", "assetId": "XRP_TEST", "status": "SUBMITTED"},
        }
    ).encode(),
    attributes={
        "event_type": "transaction.created",
        "delivery_id": "6b3c0f3e-2a9d-4b7e-8f1a-0c2d3e4f5a6b",
        "ce-type": "fireblocks.transaction.created",
        "ce-source": f"fireblocks/{WORKSPACE}",
    },
    serves_cert=True,
)
