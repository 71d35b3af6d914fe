import json

from tests.signers import Sample, svix

SECRET = "whsec_b3BlbmFpLXRlc3Qtd2ViaG9vay1zZWNyZXQ="
MSG_ID = "wh_685342e6c53c8190a1be43f081506c52"

SAMPLE = Sample(
    secret=SECRET,
    # OpenAI sends Standard Webhooks headers (`webhook-*`); Svix's signer writes them under that
    # prefix. test_schemes also checks openai-python's own verify_signature accepts our verdicts.
    sign=svix(SECRET, MSG_ID, prefix="webhook"),
    signature_header="webhook-signature",
    body=json.dumps(
        {
            "object": "event",
            "id": "evt_685343a1381c819085d44c354e1b330e",
            "type": "response.completed",
            "created_at": 1750287018,
            "data": {"id": "resp_abc123"},
        }
    ).encode(),
    attributes={"event_type": "response.completed", "delivery_id": MSG_ID, "ce-type": "openai.response.completed"},
)
