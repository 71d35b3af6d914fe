import json

from tests.signers import Sample, stdlib_hmac

SECRET = "8b943c474f5d1e1712f13e1a870b485c9b6b2b57"

SAMPLE = Sample(
    secret=SECRET,
    # No Ashby SDK signs: hex HMAC-SHA256 of the raw body, `sha256=<hex>`, as Ashby's
    # "Authenticating Webhooks" page shows in Python.
    sign=stdlib_hmac(SECRET, "Ashby-Signature", layout="sha256={signature}"),
    signature_header="Ashby-Signature",
    body=json.dumps(
        {
            "action": "applicationSubmit",
            "data": {
                "application": {
                    "id": "0a6b1e7e-3c2f-4b55-9d84-0d5c1f0a4e21",
                    "candidate": {"id": "5b3b8a4e-2a6f-4f0e-a6f5-1b9a4e1c2d33", "name": "Zoë Ångström"},
                }
            },
        },
        ensure_ascii=False,
    ).encode(),
    attributes={"event_type": "applicationSubmit", "ce-type": "ashby.applicationSubmit"},
)
