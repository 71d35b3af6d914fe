import json

from tests.signers import Sample, stdlib_hmac

SECRET = "uber-client-secret-6c2e90"

SAMPLE = Sample(
    secret=SECRET,
    # No Uber SDK signs: `hmac.new(signing_key, webhook_body, hashlib.sha256).hexdigest()`,
    # the Python example on developer.uber.com's webhook pages.
    sign=stdlib_hmac(SECRET, "X-Uber-Signature"),
    signature_header="X-Uber-Signature",
    headers={"X-Environment": "sandbox"},
    body=json.dumps(
        {
            "event_type": "driver.status_changed",
            "resource_href": "https://api.uber.com/v1/partners/trips/f57276c0-1341-4585-9a72-cda28624360f",
            "event_time": 1463687270,
            "event_id": "a53b019a-0943-4243-87fa-f839a91d90c0",
            "meta": {
                "user_id": "7528309f-644a-41cc-8b7c-bba57046e916",
                "resource_id": "f57276c0-1341-4585-9a72-cda28624360f",
            },
        }
    ).encode(),
    attributes={
        "event_type": "driver.status_changed",
        "delivery_id": "a53b019a-0943-4243-87fa-f839a91d90c0",
        "environment": "sandbox",
        "ce-type": "uber.driver.status_changed",
    },
)
