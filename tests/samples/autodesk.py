import json

from tests.signers import Sample, stdlib_hmac

SECRET = "aps-webhooks-secret-token-0123456789abcdef"

SAMPLE = Sample(
    secret=SECRET,
    # No Autodesk SDK signs: hex HMAC-SHA1 of the body with the secret token, `sha1hash=` prefix
    # (aps.autodesk.com, "How to Verify Payload Signature").
    sign=stdlib_hmac(SECRET, "x-adsk-signature", algorithm="sha1", layout="sha1hash={signature}"),
    signature_header="x-adsk-signature",
    body=json.dumps(
        {
            "version": "1.0",
            "resourceUrn": "urn:adsk.wipprod:fs.file:vf.Q2d7wQwVTJSICAdBl-REQw?version=1",
            "payload": {"name": "model.rvt"},
        }
    ).encode(),
    json=False,  # nothing is read from the body, so it is never parsed
    attributes={},
)
