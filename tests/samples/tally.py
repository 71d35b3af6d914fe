import json

from tests.signers import Sample, stdlib_hmac

SECRET = "tally-signing-secret-51c7"

SAMPLE = Sample(
    secret=SECRET,
    # No Tally SDK signs: base64 HMAC-SHA256 of the raw body, as tally.so/help/webhooks shows.
    sign=stdlib_hmac(SECRET, "Tally-Signature", encoding="base64"),
    signature_header="Tally-Signature",
    body=json.dumps(
        {
            "eventId": "a4cb511e-d513-4fa5-baee-b815d718dfd1",
            "eventType": "FORM_RESPONSE",
            "createdAt": "2023-06-28T15:00:21.889Z",
            "data": {
                "responseId": "2wgx4n",
                "submissionId": "2wgx4n",
                "formId": "VwbNEw",
                "formName": "Webhook payload",
                "createdAt": "2023-06-28T15:00:21.000Z",
                "fields": [{"key": "question_mVGEg3", "label": "Name", "type": "INPUT_TEXT", "value": "Renée"}],
            },
        },
        ensure_ascii=False,
    ).encode(),
    attributes={
        "event_type": "FORM_RESPONSE",
        "delivery_id": "a4cb511e-d513-4fa5-baee-b815d718dfd1",
        "ce-type": "tally.FORM_RESPONSE",
    },
)
