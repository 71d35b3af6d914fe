import json

from tests.signers import Exchange, Sample, stdlib_hmac

SECRET = "wc-webhook-secret-7e2b"

SAMPLE = Sample(
    secret=SECRET,
    # No WooCommerce SDK signs: base64 HMAC-SHA256 of the body, as WC_Webhook::generate_signature does.
    sign=stdlib_hmac(SECRET, "X-WC-Webhook-Signature", encoding="base64"),
    signature_header="X-WC-Webhook-Signature",
    body=json.dumps({"id": 727, "status": "processing", "currency": "EUR", "billing": {"first_name": "Zoë"}}).encode(),
    headers={
        "X-WC-Webhook-Source": "https://shop.example.com/",
        "X-WC-Webhook-Topic": "order.created",
        "X-WC-Webhook-Resource": "order",
        "X-WC-Webhook-Event": "created",
        "X-WC-Webhook-ID": "12",
        "X-WC-Webhook-Delivery-ID": "f8a0c3c1e7b94f0c2d6a1b5e9c3d7f21",
    },
    json=False,  # nothing is read from the body
    attributes={
        "event_type": "order.created",
        "delivery_id": "f8a0c3c1e7b94f0c2d6a1b5e9c3d7f21",
        "ce-source": "woocommerce/https://shop.example.com/",
        "webhook_id": "12",
    },
    exchanges=(
        # WC_Webhook::deliver_ping(): `webhook_id=<id>` posted unsigned when the webhook is saved.
        Exchange(body=b"webhook_id=12", signed=False, answer=b""),
    ),
)
