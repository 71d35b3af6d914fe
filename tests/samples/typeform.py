import json

from tests.signers import Sample, stdlib_hmac

SECRET = "typeform-webhook-secret-3f9a"

SAMPLE = Sample(
    secret=SECRET,
    # No Typeform SDK signs: base64 HMAC-SHA256 of the body, as typeform.com/developers documents.
    sign=stdlib_hmac(SECRET, "Typeform-Signature", encoding="base64", layout="sha256={signature}"),
    signature_header="Typeform-Signature",
    body=json.dumps(
        {
            "event_id": "01J8W3N4TK2Q5ZC0MJ7ZQ5V2X1",
            "event_type": "form_response",
            "form_response": {
                "form_id": "lT4Z3j",
                "token": "a3a12ec67a1365927098a606107fac15",
                "submitted_at": "2018-01-18T18:17:02Z",
                "answers": [{"type": "text", "text": "Crème brûlée"}],
            },
        },
        ensure_ascii=False,
    ).encode(),
    attributes={
        "event_type": "form_response",
        "delivery_id": "01J8W3N4TK2Q5ZC0MJ7ZQ5V2X1",
        "ce-type": "typeform.form_response",
    },
)
