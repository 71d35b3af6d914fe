import json

from tests.signers import Sample, stdlib_hmac

SECRET = "sigsci-generic-webhook-key-5b7e"

SAMPLE = Sample(
    secret=SECRET,
    # No Fastly/Signal Sciences SDK signs: hex HMAC-SHA256 of the payload, as the generic webhooks guide documents.
    sign=stdlib_hmac(SECRET, "X-SigSci-Signature"),
    signature_header="X-SigSci-Signature",
    body=json.dumps(
        {
            "created": "2024-02-09T21:08:21.31644377Z",
            "type": "flag",
            "payload": {
                "ID": "abcde123456789",
                "CorpID": "123456789abcde",
                "SiteID": "987654321fedcba",
                "Scope": "site",
                "Slug": "site.example",
                "Name": "example",
            },
            "link": "dashboard link to event",
        }
    ).encode(),
    attributes={"event_type": "flag"},
)
