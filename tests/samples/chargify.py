from urllib.parse import urlencode

from tests.signers import Sample, stdlib_hmac

SECRET = "chargify-site-shared-key-9b1f"

SAMPLE = Sample(
    secret=SECRET,
    # No Maxio Python SDK signs webhooks: hex HMAC-SHA256 of the raw form body with the site shared key.
    sign=stdlib_hmac(SECRET, "X-Chargify-Webhook-Signature-Hmac-Sha-256"),
    signature_header="X-Chargify-Webhook-Signature-Hmac-Sha-256",
    content_type="application/x-www-form-urlencoded",
    body=urlencode(
        {
            "id": "81903174",
            "event": "signup_success",
            "payload[subscription][id]": "16034427",
            "payload[subscription][state]": "active",
            "payload[subscription][product][name]": "Basic",
            "payload[site][subdomain]": "acme",
        }
    ).encode(),
    json=False,
    attributes={"event_type": "signup_success", "delivery_id": "81903174", "ce-type": "chargify.signup_success"},
)
