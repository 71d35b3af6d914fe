import json

from tests.signers import Sample, stdlib_hmac

SECRET = "bolt-signing-secret-4d2c81"

SAMPLE = Sample(
    secret=SECRET,
    # No Bolt Python SDK signs: base64 HMAC-SHA256 of the raw body, as Bolt's Magento plugin checks it.
    sign=stdlib_hmac(SECRET, "X-Bolt-Hmac-Sha256", encoding="base64"),
    signature_header="X-Bolt-Hmac-Sha256",
    headers={"X-Bolt-Trace-Id": "fc3d8e5f2a6b4c5d"},
    body=json.dumps(
        {"type": "payment", "object": "transaction", "data": {"reference": "V2YW-NYNR-2MYM", "status": "completed"}}
    ).encode(),
    attributes={"trace_id": "fc3d8e5f2a6b4c5d"},
    json=False,  # nothing here parses the body
)
