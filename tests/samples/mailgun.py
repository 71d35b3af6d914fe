import hashlib
import hmac
import json

from tests.signers import Sample, flip

# Signed with stdlib hmac exactly as Mailgun's "Securing webhooks" describes:
# HMAC-SHA256(signing key, timestamp + token), hex.
SECRET = "mailgun-test-webhook-signing-key"
TOKEN = "e0b5477167110d68991efc6b9f89f0a11066af27834600e123"


def block(now: int, key: str = SECRET, token: str = TOKEN) -> dict[str, str]:
    signature = hmac.new(key.encode(), f"{now}{token}".encode(), hashlib.sha256).hexdigest()
    return {"timestamp": str(now), "token": token, "signature": signature}


def body(signature: dict[str, str] | None) -> bytes:
    event = {"event": "delivered", "id": "CPgfbmQMTCKtHW6uIWtuVe", "recipient": "alice@example.com"}
    document = {"event-data": event} if signature is None else {"signature": signature, "event-data": event}
    return json.dumps(document).encode()


def fresh(now: int) -> bytes:
    return body(block(now))


SAMPLE = Sample(
    secret=SECRET,
    sign=lambda body, now: {},
    signature_header=None,
    body=fresh(1700000000),
    fresh=fresh,
    # The signature covers timestamp + token only, not the event: a changed event still verifies.
    signs_body=False,
    forgeries=(
        lambda now: body(None),
        lambda now: body({**block(now), "signature": flip(block(now)["signature"])}),
        lambda now: body(block(now, key="another-signing-key")),
        lambda now: body({**block(now), "token": TOKEN[::-1]}),
    ),
    attributes={"event_type": "delivered", "delivery_id": "CPgfbmQMTCKtHW6uIWtuVe", "ce-type": "mailgun.delivered"},
)
