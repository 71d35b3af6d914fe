import json

from tests.signers import Sample, svix

SECRET = "whsec_Y2xhdWRlLXRlc3Qtd2ViaG9vay1zaWduaW5nLWtleQ=="
MSG_ID = "msg_2vGq5Vb1nRkC8dWQfZc3pLr7TxY"

SAMPLE = Sample(
    secret=SECRET,
    # Anthropic sends Standard Webhooks headers (`webhook-*`); Svix's signer writes them under that
    # prefix. test_cross_checks also checks anthropic-sdk-python's own unwrap accepts our verdicts.
    sign=svix(SECRET, MSG_ID, prefix="webhook"),
    signature_header="webhook-signature",
    body=json.dumps(
        {
            "type": "event",
            "id": "event_01JQ7c3Y8sWm2aZt5KxE9vHd",
            "created_at": "2026-03-18T14:05:22Z",
            "data": {
                "type": "session.status_idled",
                "id": "sesn_01XYZ4aBcDeFgHiJkLmNoPq",
                "organization_id": "8a3d2f1e-0b4c-4d5e-9f6a-7b8c9d0e1f2a",
                "workspace_id": "c7b0e4d9-1a2b-4c3d-8e9f-0a1b2c3d4e5f",
            },
        }
    ).encode(),
    attributes={"event_type": "session.status_idled", "delivery_id": MSG_ID, "ce-type": "claude.session.status_idled"},
)
