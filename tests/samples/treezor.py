import base64
import hashlib
import hmac
import json

from tests.signers import Exchange, Sample, flip

# No Treezor SDK verifies: stdlib hmac as Treezor's "Enforcing integrity" page spells it in
# JavaScript: JSON.stringify(object_payload) with `/` replaced by `\/` and every character outside
# \x20-\x7F written as \uXXXX, HMAC-SHA256 with the webhook secret, base64.
SECRET = "treezor-webhook-secret-7c1e"
WEBHOOK_ID = "0c4a8f2e-5b7d-4e21-9a3f-6d2b1c8e7f90"
PAYLOAD = {
    "payins": [
        {
            "payinId": "1234567",
            "walletId": "878744",
            "payinStatus": "VALIDATED",
            "amount": "150.00",
            "currency": "EUR",
            "messageToUser": "Réglé — merci / thanks",
            "createdDate": "2024-05-02 10:12:45",
        }
    ]
}


def treezor_js(payload: object, key: str = SECRET) -> str:
    text = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).replace("/", "\\/")
    text = "".join(c if 0x20 <= ord(c) <= 0x7F else "\\u" + format(ord(c), "04x") for c in text)
    return base64.b64encode(hmac.new(key.encode(), text.encode(), hashlib.sha256).digest()).decode()


def mac(message: bytes) -> bytes:
    return hmac.new(SECRET.encode(), message, hashlib.sha256).digest()


def body(payload: object = PAYLOAD, signature: str | None = None, drop: bool = False) -> bytes:
    document = {
        "webhook": "payin.update",
        "webhook_id": WEBHOOK_ID,
        "webhook_created_at": 17146445650000,
        "object": "payin",
        "object_id": "1234567",
        "object_payload": payload,
        "object_payload_signature": treezor_js(payload) if signature is None else signature,
    }
    if drop:
        del document["object_payload_signature"]
    # Sent as json_encode would: escaped Unicode and slashes (the parsing side must not care).
    return json.dumps(document).replace("/", "\\/").encode()


CHANGED = {"payins": [{**PAYLOAD["payins"][0], "amount": "1500.00"}]}

SAMPLE = Sample(
    secret=SECRET,
    sign=lambda body, now: {},
    signature_header=None,
    body=body(),
    # Only `object_payload` is signed: the envelope (webhook_id, ...) is not.
    signs_body=False,
    forgeries=(
        lambda now: body(drop=True),
        lambda now: body(signature=flip(treezor_js(PAYLOAD))),
        lambda now: body(signature=treezor_js(PAYLOAD, key="another-webhook-secret")),
        lambda now: body(CHANGED, signature=treezor_js(PAYLOAD)),
        lambda now: body(signature="not base64!"),
    ),
    attributes={"event_type": "payin.update", "delivery_id": WEBHOOK_ID},
    rejects=(
        # A body whose payload's slash is not escaped in the signed form: signed as sent, refused.
        Exchange(
            body=body(signature=base64.b64encode(mac(json.dumps(PAYLOAD, separators=(",", ":")).encode())).decode()),
            status=401,
            answer=b"Unauthorized",
        ),
    ),
)
