import hashlib
import hmac
import json

from tests.signers import Sample

SECRET = "paymob-hmac-secret-5E1F0C"

# Fields of Paymob's sample transaction processed callback. The HMAC is made over the concatenation
# the docs print for that callback (DOCUMENTED), so a valid delivery checks our field order too.
TRANSACTION = {
    "id": 192036465,
    "pending": False,
    "amount_cents": 100000,
    "success": True,
    "is_auth": False,
    "is_capture": False,
    "is_standalone_payment": True,
    "is_voided": False,
    "is_refunded": False,
    "is_3d_secure": True,
    "integration_id": 4097558,
    "has_parent_transaction": False,
    "order": {"id": 217503754, "merchant_order_id": "ord-2291"},
    "created_at": "2024-06-13T11:33:44.592345",
    "currency": "EGP",
    "source_data": {"pan": "2346", "type": "card", "sub_type": "MasterCard"},
    "error_occured": False,
    "owner": 302852,
}
DOCUMENTED = (
    "1000002024-06-13T11:33:44.592345EGPfalsefalse1920364654097558truefalsefalsefalsetruefalse"
    "217503754302852false2346MasterCardcardtrue"
)
BODY = json.dumps({"type": "TRANSACTION", "obj": TRANSACTION}).encode()
# No Paymob SDK signs: Python's hmac over the documented concatenation, SHA-512, hex.
HMAC = hmac.new(SECRET.encode(), DOCUMENTED.encode(), hashlib.sha512).hexdigest()


def forged(now: int) -> bytes:
    """The same callback with a larger amount: the `hmac` in the URL no longer matches."""
    return json.dumps({"type": "TRANSACTION", "obj": {**TRANSACTION, "amount_cents": 900000}}).encode()


SAMPLE = Sample(
    secret=SECRET,
    sign=lambda body, now: {},
    signature_header=None,
    resigns=False,
    query=f"hmac={HMAC}",
    signs_body=False,  # only the listed fields are signed, not the bytes
    body=BODY,
    attributes={
        "event_type": "TRANSACTION",
        "delivery_id": "192036465",
        "order_id": "217503754",
        "ce-type": "paymob.TRANSACTION",
    },
    forgeries=(forged,),
)
