import json

from tests.signers import Sample, stdlib_hmac

SECRET = "Y29uZm9ybWl0eS1zZWN1cml0eS10b2tlbg"  # the console accepts base64 characters only

SAMPLE = Sample(
    secret=SECRET,
    # No Trend Micro SDK signs: hex HMAC-SHA256 of the body with the security token, as the Conformity docs show.
    sign=stdlib_hmac(SECRET, "X-Conformity-Signature"),
    signature_header="X-Conformity-Signature",
    json=False,  # nothing is read from the body, so it is never parsed
    body=json.dumps(
        {
            "ruleId": "S3-021",
            "riskLevel": "HIGH",
            "status": "FAILURE",
            "message": "Bucket example-logs allows public read",
        }
    ).encode(),
)
