import hashlib
import json

from tests.signers import Sample

SECRET = "praxis-merchant-secret-7Qd1"

# No Praxis SDK for Python: hashlib as the Authentication page describes, over the values the
# Webhooks Notification lists, in its order, null ones skipped, then the merchant secret.
SIGNED = (
    ("merchant_id",),
    ("application_key",),
    ("timestamp",),
    ("customer", "customer_token"),
    ("session", "order_id"),
    ("transaction", "tid"),
    ("transaction", "currency"),
    ("transaction", "amount"),
    ("transaction", "conversion_rate"),
    ("transaction", "processed_currency"),
    ("transaction", "processed_amount"),
)


def document(now: int, **transaction: object) -> dict:
    return {
        "merchant_id": "API-Merchant",
        "application_key": "Sandbox",
        "customer": {"customer_token": "87cfb23a8f1e68e162c276b754d9c061", "country": "GB"},
        "session": {"auth_token": "8a7sd87a8sd778ac961062c6bedddb8", "order_id": "test-1560610955", "currency": "EUR"},
        "transaction": {
            "transaction_type": "sale",
            "transaction_status": "approved",
            "tid": 37102,
            "currency": "EUR",
            "amount": 100,
            "conversion_rate": None,
            "processed_currency": "EUR",
            "processed_amount": 100,
            **transaction,
        },
        "version": "1.3",
        "timestamp": now,
    }


def concatenation(doc: dict) -> str:
    values = []
    for path in SIGNED:
        value = doc
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if value is not None:
            values.append(str(value))
    return "".join(values)


def gt_authentication(body: bytes, now: int, secret: str = SECRET) -> dict[str, str]:
    try:
        signed = concatenation(json.loads(body))
    except ValueError:  # a body Praxis never sends (the contract's bad_json case)
        signed = ""
    return {"GT-Authentication": hashlib.sha384((signed + secret).encode()).hexdigest()}


def fresh(now: int) -> bytes:
    return json.dumps(document(now)).encode()


SAMPLE = Sample(
    secret=SECRET,
    sign=gt_authentication,
    signature_header="GT-Authentication",
    body=fresh(1700000000),
    fresh=fresh,
    # Only the listed values are signed, not the bytes: whitespace or an unlisted field may change.
    signs_body=False,
    # The answer carries the time of the answer and its own signature (tests/test_praxis.py).
    ack=(200, None),  # type: ignore[arg-type]
    attributes={
        "event_type": "approved",
        "tid": "37102",
        "order_id": "test-1560610955",
        "ce-source": "praxis/Sandbox",
        "ce-type": "praxis.approved",
    },
)
