import json

from tests.signers import Sample, stdlib_hmac

SECRET = "lemonsqueezy-secret-7e3a"

SAMPLE = Sample(
    secret=SECRET,
    # No Lemon Squeezy Python SDK signs: hex HMAC-SHA256 of the body, as docs.lemonsqueezy.com documents.
    sign=stdlib_hmac(SECRET, "X-Signature"),
    signature_header="X-Signature",
    body=json.dumps(
        {
            "meta": {"event_name": "order_created", "webhook_id": "9d1e8a3b-2c4f-4e5a-9b6c-7d8e9f0a1b2c"},
            "data": {"type": "orders", "id": "1", "attributes": {"store_id": 1, "status": "paid"}},
        }
    ).encode(),
    headers={"X-Event-Name": "order_created"},
    attributes={"event_type": "order_created", "ce-type": "lemonsqueezy.order_created"},
    # Nothing is read from the body (the event name is a header): any signed bytes are published.
    json=False,
)
