import json

from tests.signers import Exchange, Sample, stdlib_hmac

SECRET = "OSd0eLlVIY9ZhViEqlDUh4+6n6M+Lo+eDaEJheJ6OCCgWwIz2D3JIAU6jPMipHRbgKTLz2uJ+xiACXGDBLrgdA=="

SAMPLE = Sample(
    secret=SECRET,
    # No Xero SDK signs: base64 HMAC-SHA256 of the body with the webhook key (configuring-your-server).
    sign=stdlib_hmac(SECRET, "x-xero-signature", encoding="base64"),
    signature_header="x-xero-signature",
    # The example in XeroAPI/Xero-OpenAPI xero-webhooks.yaml.
    body=json.dumps(
        {
            "events": [
                {
                    "resourceUrl": "https://api.xero.com/api.xro/2.0/Contacts/717f2bfc-c6d4-41fd-b238-3f2f0c0cf777",
                    "resourceId": "717f2bfc-c6d4-41fd-b238-3f2f0c0cf777",
                    "eventDateUtc": "2024-06-21T01:15:39.902",
                    "eventType": "UPDATE",
                    "eventCategory": "CONTACT",
                    "tenantId": "c2cc9b6e-9458-4c7d-93cc-f02b81b0594f",
                    "tenantType": "ORGANISATION",
                }
            ],
            "lastEventSequence": 1,
            "firstEventSequence": 1,
            "entropy": "S0m3r4Nd0mt3xt",
        }
    ).encode(),
    attributes={"event_type": "CONTACT.UPDATE", "ce-type": "xero.CONTACT.UPDATE"},
    exchanges=(
        # Intent to receive: correctly signed, no events → 200 with no body.
        Exchange(
            body=b'{"events":[],"lastEventSequence":0,"firstEventSequence":0,"entropy":"S0m3r4Nd0mt3xt"}',
            answer=b"",
        ),
    ),
)
