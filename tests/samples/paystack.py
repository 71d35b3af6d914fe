import json

from tests.signers import Sample, stdlib_hmac

SECRET = "sk_test_paystack_webhook_0a1b2c3d"

SAMPLE = Sample(
    secret=SECRET,
    # No Paystack SDK signs: hex HMAC-SHA512 of the body with the secret key, as Paystack's own
    # snippet (PaystackOSS/doc-code-snippets, webhooks/verifying-transaction) computes it.
    sign=stdlib_hmac(SECRET, "x-paystack-signature", algorithm="sha512"),
    signature_header="x-paystack-signature",
    body=json.dumps(
        {
            "event": "charge.success",
            "data": {"id": 302961, "domain": "live", "status": "success", "reference": "qTPrJoy9Bx", "amount": 10000},
        }
    ).encode(),
    attributes={"event_type": "charge.success", "ce-type": "paystack.charge.success"},
)
