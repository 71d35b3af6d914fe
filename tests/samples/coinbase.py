import json

from tests.signers import Sample

SECRET = "coinbase-commerce-shared-secret-9c1e"


def sign(body: bytes, now: int) -> dict[str, str]:
    # coinbase-commerce (the official Python library) computes the signature it checks.
    from coinbase_commerce.webhook import WebhookSignature

    return {"X-CC-Webhook-Signature": WebhookSignature._compute_signature(body.decode(), SECRET)}


SAMPLE = Sample(
    secret=SECRET,
    sign=sign,
    signature_header="X-CC-Webhook-Signature",
    body=json.dumps(
        {
            "id": 1,
            "scheduled_for": "2017-01-31T20:50:02Z",
            "event": {
                "id": "24934862-d980-46cb-9402-43c81b0cdba6",
                "resource": "event",
                "type": "charge:created",
                "api_version": "2018-03-22",
                "created_at": "2017-01-31T20:49:02Z",
                "data": {"code": "66BEOV2A", "name": "The Sovereign Individual", "pricing_type": "no_price"},
            },
        }
    ).encode(),
    attributes={
        "event_type": "charge:created",
        "delivery_id": "1",
        "ce-time": "2017-01-31T20:49:02Z",
        "event_id": "24934862-d980-46cb-9402-43c81b0cdba6",
    },
)
