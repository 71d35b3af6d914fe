import base64
import json

from tests.signers import Sample

# A fixed Ed25519 key pair made with pynacl; Token.io holds the private half.
SEED = bytes(range(64, 96))


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _key():
    from nacl.signing import SigningKey

    return SigningKey(SEED)


def sign(body: bytes, now: int) -> dict[str, str]:
    # No Token.io SDK signs webhooks: pynacl's Ed25519 over the raw body, the signature in
    # unpadded base64url, as hookdeck/webhook-skills tokenio-webhooks describes.
    return {"token-signature": _b64url(_key().sign(body).signature)}


SAMPLE = Sample(
    # The member's public key as the Dashboard shows it: unpadded base64url of its 32 bytes.
    secret=_b64url(_key().verify_key.encode()),
    sign=sign,
    signature_header="token-signature",
    body=json.dumps(
        {
            "payment": {
                "id": "pm2:4QExXrhMgDBc8Dd2gk9aXm2ZJYX3:2gFUX1NDgpN",
                "memberId": "m:3xamp1e:5tuv",
                "status": "INITIATION_COMPLETED",
                "bankPaymentStatus": "ACSC",
                "createdDateTime": "2026-07-27T10:00:00Z",
                "updatedDateTime": "2026-07-27T10:01:12Z",
            }
        }
    ).encode(),
    headers={"token-event": "PAYMENT_STATUS_CHANGED"},
    json=False,  # nothing is read from the body: the event type is a header
    attributes={"event_type": "PAYMENT_STATUS_CHANGED", "ce-type": "tokenio.PAYMENT_STATUS_CHANGED"},
)
