import base64
import hashlib
import hmac
import json

from tests.signers import Exchange, Sample

PUBLIC = "wh_pk_7b197b5c-6d9c-4f81-8bf6-a0e9ba108f84"
SECRET = "wh_sk_3f1a2b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b"


def sign(body: bytes, now: int) -> dict[str, str]:
    # As solidgate-sdk 0.4.0 ApiClient.__generate_signature (not public, so restated with stdlib):
    # base64 of the hex HMAC-SHA512 of public key + data + public key, keyed with the secret key.
    digest = hmac.new(SECRET.encode(), PUBLIC.encode() + body + PUBLIC.encode(), hashlib.sha512).hexdigest()
    return {"merchant": PUBLIC, "signature": base64.b64encode(digest.encode()).decode()}


BODY = json.dumps(
    {"order": {"order_id": "order-123", "status": "approved", "amount": 1020, "currency": "USD"}}
).encode()

SAMPLE = Sample(
    secret=SECRET,
    sign=sign,
    signature_header="signature",
    body=BODY,
    json=False,  # nothing here parses the body
    attributes={"ce-source": f"solidgate/{PUBLIC}"},
    # The public key is signed too: the same signature under another `merchant` is refused.
    rejects=(
        Exchange(
            body=BODY,
            signed=False,
            status=401,
            answer=None,
            headers={"merchant": "wh_pk_someone-else", "signature": sign(BODY, 0)["signature"]},
        ),
    ),
)
