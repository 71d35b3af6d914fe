import json

from tests.signers import Exchange, Sample, documented

SECRET = "nuvemshop-app-client-secret-4a7f"
BODY = json.dumps({"store_id": 123, "event": "product/created", "id": 1948209}).encode()
# The official PHP SDK's form: base64 of the raw HMAC-SHA256 (Registry::validateProcessHmac).
SDK_FORM = documented(SECRET, lambda signature, now: {"X-Linkedstore-Hmac-Sha256": signature}, encoding="base64")

SAMPLE = Sample(
    secret=SECRET,
    # No Nuvemshop SDK in Python: the API docs' hex `hash_hmac('sha256', $data, APP_SECRET)`.
    sign=documented(SECRET, lambda signature, now: {"X-Linkedstore-Hmac-Sha256": signature}),
    signature_header="X-Linkedstore-Hmac-Sha256",
    body=BODY,
    attributes={
        "event_type": "product/created",
        "ce-type": "nuvemshop.product/created",
        "ce-source": "nuvemshop/123",
    },
    variants=(
        Exchange(
            body=BODY,
            headers=SDK_FORM(BODY, 0),
            attributes={"event_type": "product/created", "ce-source": "nuvemshop/123"},
        ),
    ),
)
