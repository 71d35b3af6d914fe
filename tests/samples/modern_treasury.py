import json

from tests.signers import Sample

SECRET = "mt-webhook-key-2f6a"


def sign(body: bytes, now: int) -> dict[str, str]:
    """modern-treasury's own Webhooks.get_signature, the `X-Signature` it documents."""
    from modern_treasury import ModernTreasury

    client = ModernTreasury(api_key="unused", organization_id="unused", webhook_key=SECRET)
    return {"X-Signature": client.webhooks.get_signature(body.decode())}


SAMPLE = Sample(
    secret=SECRET,
    sign=sign,
    signature_header="X-Signature",
    body=json.dumps(
        {"event": "completed", "data": {"id": "6f5d1a4e-3c2b-4a19-9e8d-7c6b5a4f3e2d", "object": "payment_order"}}
    ).encode(),
    json=False,  # nothing is read from the body, so it is never parsed
    attributes={},
)
