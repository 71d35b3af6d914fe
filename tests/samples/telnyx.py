import base64
import json

from tests.signers import Sample

# A fixed Ed25519 key pair made with pynacl; Telnyx holds the private half of an account's key.
SEED = bytes(range(32, 64))


def _key():
    from nacl.signing import SigningKey

    return SigningKey(SEED)


def sign(body: bytes, now: int) -> dict[str, str]:
    # The telnyx SDK only verifies. Signed as its lib/webhook_verification.py checks:
    # Ed25519 over `{timestamp}|{payload}`, the signature base64.
    signature = _key().sign(f"{now}|".encode() + body).signature
    return {"telnyx-signature-ed25519": base64.b64encode(signature).decode(), "telnyx-timestamp": str(now)}


SAMPLE = Sample(
    # The public key as Mission Control shows it: base64 of its 32 bytes.
    secret=base64.b64encode(_key().verify_key.encode()).decode(),
    sign=sign,
    signature_header="telnyx-signature-ed25519",
    # developers.telnyx.com, receiving webhooks: a message.received event.
    body=json.dumps(
        {
            "data": {
                "event_type": "message.received",
                "id": "b301ed3f-1490-491f-995f-6e64e69674d4",
                "occurred_at": "2026-11-28T15:40:55.000+00:00",
                "payload": {"direction": "inbound", "text": "Héllo from Telnyx", "type": "SMS"},
                "record_type": "event",
            },
            "meta": {"attempt": 1, "delivered_to": "https://hooks.example.com/telnyx"},
        },
        ensure_ascii=False,
    ).encode(),
    attributes={
        "event_type": "message.received",
        "delivery_id": "b301ed3f-1490-491f-995f-6e64e69674d4",
        "ce-type": "telnyx.message.received",
        "ce-time": "2026-11-28T15:40:55.000+00:00",
    },
)
