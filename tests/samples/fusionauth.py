import base64
import hashlib
import json

from tests.signers import Sample

# The secret of an HMAC key from Key Master.
SECRET = "fusionauth-hmac-key-secret-6b1e0f2a9c"


def sign(body: bytes, now: int) -> dict[str, str]:
    # No FusionAuth SDK signs: pyjwt, as fusionauth.io "Signing Webhooks" describes: a signed JWT
    # whose request_body_sha256 is the body's SHA-256 (base64, as FusionAuth's own jose example checks).
    import jwt

    digest = base64.b64encode(hashlib.sha256(body).digest()).decode()
    token = jwt.encode({"request_body_sha256": digest}, SECRET, algorithm="HS256", headers={"kid": "a1b2c3"})
    return {"X-FusionAuth-Signature-JWT": token}


SAMPLE = Sample(
    secret=SECRET,
    sign=sign,
    signature_header="X-FusionAuth-Signature-JWT",
    # fusionauth.io webhook events: user.create.
    body=json.dumps(
        {
            "event": {
                "createDate": 1764345600000,
                "id": "e502168a-b469-45d9-a079-fd45f83e0406",
                "info": {"ipAddress": "203.0.113.7"},
                "tenantId": "30663132-6464-6665-3032-326466613934",
                "type": "user.create",
                "user": {"id": "00000000-0000-0000-0000-000000000001", "email": "zoë@example.com", "active": True},
            }
        },
        ensure_ascii=False,
    ).encode(),
    attributes={
        "event_type": "user.create",
        "delivery_id": "e502168a-b469-45d9-a079-fd45f83e0406",
        "ce-source": "fusionauth/30663132-6464-6665-3032-326466613934",
    },
)
