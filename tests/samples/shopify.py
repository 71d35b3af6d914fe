import base64
import json

from tests.signers import Sample, mac

SECRET = "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"


def sign(body: bytes, now: int) -> dict[str, str]:
    # shopify.dev verify-deliveries: base64 of HMAC-SHA256(client secret, raw body).
    return {"X-Shopify-Hmac-Sha256": base64.b64encode(mac(SECRET, body)).decode()}


SAMPLE = Sample(
    secret=SECRET,
    sign=sign,
    signature_header="X-Shopify-Hmac-Sha256",
    json=False,  # nothing is parsed: the body is published as signed
    body=json.dumps({"id": 820982911946154508, "email": "jon@example.com", "note": "ünïcode"}).encode(),
    headers={
        "X-Shopify-Topic": "orders/create",
        "X-Shopify-Webhook-Id": "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
        "X-Shopify-Event-Id": "98880550-7158-44d4-b7cd-2c97c8a091b5",
        "X-Shopify-Shop-Domain": "johns-apparel.myshopify.com",
        "X-Shopify-API-Version": "2025-10",
        "X-Shopify-Triggered-At": "2025-10-03T12:00:00.000000Z",
    },
    attributes={
        "event_type": "orders/create",
        "delivery_id": "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
        "ce-source": "shopify/johns-apparel.myshopify.com",
        "ce-type": "shopify.orders/create",
        "ce-time": "2025-10-03T12:00:00.000000Z",
        "event_id": "98880550-7158-44d4-b7cd-2c97c8a091b5",
        "api_version": "2025-10",
    },
)
