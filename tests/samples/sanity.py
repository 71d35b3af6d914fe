import json

from tests.signers import Sample, documented

SECRET = "sanity-webhook-secret-3d9c"

SAMPLE = Sample(
    secret=SECRET,
    # @sanity/webhook is JavaScript only: HMAC-SHA256 of `<t ms>.<body>`, unpadded base64url,
    # `t=<t>,v1=<sig>`, as its createHS256Signature and encodeSignatureHeader build it.
    sign=documented(
        SECRET,
        lambda signature, now: {"sanity-webhook-signature": f"t={now * 1000},v1={signature}"},
        message=lambda body, now: f"{now * 1000}.".encode() + body,
        encoding="base64url",
    ),
    signature_header="sanity-webhook-signature",
    body=json.dumps({"_id": "post-123", "_type": "post", "_rev": "xyz789", "title": "Hello"}).encode(),
    json=False,  # nothing is read from the body (a GROQ projection of the operator's choosing)
    attributes={},
)
