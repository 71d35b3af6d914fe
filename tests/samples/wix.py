import json

import jwt

from tests.signers import Exchange, Sample, public_der, rsa_key


def _key():
    return rsa_key("wix")


def public_key() -> str:
    """The app's public key as one line of base64 DER, the way an environment variable holds it."""
    return public_der(_key())


EVENT = {"id": "8fc5b7fb-4d4f-4a51-8a45-3c0c4d1e9b51", "entityFqdn": "wix.ecom.v1.order", "slug": "created"}
ENVELOPE = {
    "eventType": "wix.ecom.v1.order_created",
    "instanceId": "a1b2c3d4-0000-4000-8000-000000000001",
    "data": json.dumps(EVENT),
}


def body(now: int, key=None, algorithm: str = "RS256", **claims) -> bytes:
    # Wix signs the event as a JWT (pyjwt here, RS256): {data: <JSON string>, iat, exp}.
    payload = {"data": json.dumps(ENVELOPE), "iat": now, "exp": now + 3600, **claims}
    return jwt.encode(payload, key or _key(), algorithm=algorithm).encode()


SAMPLE = Sample(
    secret=public_key(),
    sign=lambda body, now: {},
    signature_header=None,
    content_type="text/plain",
    body=body(1700000000),
    fresh=body,
    json=False,
    forgeries=(
        lambda now: body(now - 7200),  # expired
        lambda now: body(now, key="an-hmac-secret-of-thirty-two-bytes!", algorithm="HS256"),
        lambda now: b".".join(body(now).split(b".")[:2]) + b".",  # signature stripped
    ),
    attributes={
        "event_type": "wix.ecom.v1.order_created",
        "delivery_id": "8fc5b7fb-4d4f-4a51-8a45-3c0c4d1e9b51",
        "ce-source": "wix/a1b2c3d4-0000-4000-8000-000000000001",
        "content-type": "text/plain",
    },
    rejects=(Exchange(body=b'{"not": "a token"}', signed=False, status=401, answer=None),),
)
