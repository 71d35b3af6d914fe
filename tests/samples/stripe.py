import json

from tests.signers import Sample

SECRET = "whsec_test_secret"


def sign(body: bytes, now: int) -> dict[str, str]:
    from stripe import WebhookSignature

    return {"Stripe-Signature": WebhookSignature.generate_signature_header(body.decode(), SECRET, now)}


SAMPLE = Sample(
    secret=SECRET,
    sign=sign,
    signature_header="Stripe-Signature",
    body=json.dumps(
        {"id": "evt_test_webhook", "object": "event", "type": "payment_intent.succeeded", "account": "acct_1"},
        indent=2,
    ).encode(),
    attributes={
        "event_type": "payment_intent.succeeded",
        "delivery_id": "evt_test_webhook",
        "ce-source": "stripe/acct_1",
        "ce-type": "stripe.payment_intent.succeeded",
    },
)
