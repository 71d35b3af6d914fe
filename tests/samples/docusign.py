import json

from tests.signers import Sample, documented

OLD_KEY = "docusign-connect-key-old-5Yw="
KEY = "docusign-connect-key-new-Qe8="

SAMPLE = Sample(
    # Two active Connect keys: the delivery carries one header per key; ours signs with one.
    secret=f"{OLD_KEY},{KEY}",
    # No DocuSign SDK signs: base64 HMAC-SHA256 of the whole body (Connect "validate" how-to).
    sign=documented(KEY, lambda signature, now: {"X-DocuSign-Signature-1": signature}, encoding="base64"),
    signature_header="X-DocuSign-Signature-1",
    body=json.dumps(
        {
            "event": "envelope-completed",
            "apiVersion": "v2.1",
            "uri": "/restapi/v2.1/accounts/8e4e5f3a/envelopes/93be49ab",
            "generatedDateTime": "2026-11-28T18:00:00.0000000Z",
            "data": {"accountId": "8e4e5f3a-0000-4000-8000-00000000abcd", "envelopeId": "93be49ab"},
        }
    ).encode(),
    attributes={
        "event_type": "envelope-completed",
        "ce-source": "docusign/8e4e5f3a-0000-4000-8000-00000000abcd",
        "ce-time": "2026-11-28T18:00:00.0000000Z",
    },
)
