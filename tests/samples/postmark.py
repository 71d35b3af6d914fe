import base64

from tests.signers import Sample

CREDENTIALS = "postmark-hooks:8c1b2d4e6f"


def sign(body: bytes, now: int) -> dict[str, str]:
    # What an HTTP client sends for `https://user:pass@host/...` (RFC 7617).
    return {"Authorization": "Basic " + base64.b64encode(CREDENTIALS.encode()).decode()}


SAMPLE = Sample(
    secret=CREDENTIALS,
    sign=sign,
    signature_header="Authorization",
    body=b'{"RecordType":"Delivery","ServerID":23,"MessageStream":"outbound",'
    b'"MessageID":"00000000-0000-0000-0000-000000000000","Recipient":"john@example.com"}',
    signs_body=False,
    attributes={"event_type": "Delivery", "ce-type": "postmark.Delivery"},
)
