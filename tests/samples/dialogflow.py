import json

from tests.signers import Sample, token

SECRET = "dialogflow-header-secret-3c8d"

SAMPLE = Sample(
    secret=SECRET,
    sign=token("X-Fulfillment-Key", SECRET),
    signature_header="X-Fulfillment-Key",
    body=json.dumps(
        {
            "detectIntentResponseId": "3e5a1b8c-7f2d-4a6e-9c0b-1d2e3f4a5b6c",
            "intentInfo": {"lastMatchedIntent": "projects/p/locations/global/agents/a/intents/i", "confidence": 1},
            "pageInfo": {"currentPage": "projects/p/locations/global/agents/a/flows/f/pages/START_PAGE"},
            "sessionInfo": {"session": "projects/p/locations/global/agents/a/sessions/s", "parameters": {}},
            "fulfillmentInfo": {"tag": "order-status"},
            "text": "where is my order",
            "languageCode": "en",
        }
    ).encode(),
    attributes={
        "event_type": "order-status",
        "delivery_id": "3e5a1b8c-7f2d-4a6e-9c0b-1d2e3f4a5b6c",
        "ce-type": "dialogflow.order-status",
    },
    ack=(200, b"{}"),
    ack_headers={"Content-Type": "application/json"},
    signs_body=False,
    settings={"DIALOGFLOW_HEADER": "X-Fulfillment-Key"},
)
