import json

from tests.signers import Sample, stdlib_hmac

SECRET = "shiphero-shared-signature-secret-4c2f"

SAMPLE = Sample(
    secret=SECRET,
    # No ShipHero SDK signs: base64 HMAC-SHA256 of the body, as ShipHero's webhooks page verifies it.
    sign=stdlib_hmac(SECRET, "X-ShipHero-HMAC-SHA256", encoding="base64"),
    signature_header="X-ShipHero-HMAC-SHA256",
    body=json.dumps(
        {
            "account_id": 7556,
            "account_uuid": "QWNjb3VudDo3NTU2",
            "webhook_type": "Inventory Update",
            "inventory": [{"sku": "100100", "inventory": "37", "backorder_quantity": "1", "warehouse_id": 6}],
        }
    ).encode(),
    ack=(200, b'{"code": "200", "Status": "Success"}'),
    ack_headers={"Content-Type": "application/json"},
    attributes={"event_type": "Inventory Update", "ce-source": "shiphero/7556"},
)
