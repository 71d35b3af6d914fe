import hashlib
import json

from tests.signers import Sample

SECRET = "netlify-jws-secret-token-a1b2c3d4e5f60718293a4b5c6d7e8f9011223344"
SITE = "fa4dd95a-994e-4f89-8a7a-2d9e9fc36a32"


def sign(body: bytes, now: int) -> dict[str, str]:
    """pyjwt, as docs.netlify.com documents: HS256, `iss: netlify`, `sha256` of the body in hex."""
    import jwt

    claims = {"iss": "netlify", "sha256": hashlib.sha256(body).hexdigest()}
    return {"X-Webhook-Signature": jwt.encode(claims, SECRET, algorithm="HS256")}


SAMPLE = Sample(
    secret=SECRET,
    sign=sign,
    signature_header="X-Webhook-Signature",
    body=json.dumps(
        {
            "id": "5ebc34bf4fea0b01f02efa3a",
            "site_id": SITE,
            "build_id": "5ebc34bf4fea0b01f02efa38",
            "state": "ready",
            "name": "www-example",
            "branch": "main",
            "context": "production",
        }
    ).encode(),
    attributes={"event_type": "ready", "ce-source": f"netlify/{SITE}", "ce-type": "netlify.ready"},
)
