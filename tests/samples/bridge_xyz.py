import base64
import hashlib
import json

from tests.signers import Sample, public_der, rsa_key


def _key():
    return rsa_key("bridge_xyz")


def public_key() -> str:
    """The endpoint's public key as one line of base64 DER, the way an environment variable holds it."""
    return public_der(_key())


def sign(body: bytes, now: int) -> dict[str, str]:
    # No Bridge SDK signs: `cryptography` as Bridge's docs describe (and as its published test data
    # confirms, see tests/vectors/bridge_xyz.json): RSA PKCS#1 v1.5 SHA-256 over SHA-256(t.body).
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    t = str(now * 1000)
    digest = hashlib.sha256(t.encode() + b"." + body).digest()
    signature = _key().sign(digest, padding.PKCS1v15(), hashes.SHA256())
    return {"X-Webhook-Signature": f"t={t},v0={base64.b64encode(signature).decode()}"}


SAMPLE = Sample(
    secret=public_key(),
    sign=sign,
    signature_header="X-Webhook-Signature",
    body=json.dumps(
        {
            "api_version": "v0",
            "event_id": "wh_tcdKdZJh3hMP7x8ApmEFRUi",
            "event_category": "customer",
            "event_type": "customer.updated",
            "event_object_id": "cust_2A8cWqFXUBU3YGjgZc4dAS",
            "event_object": {"id": "cust_2A8cWqFXUBU3YGjgZc4dAS", "status": "active"},
            "event_created_at": "2024-01-21T16:26:51.204Z",
        }
    ).encode(),
    attributes={
        "event_type": "customer.updated",
        "delivery_id": "wh_tcdKdZJh3hMP7x8ApmEFRUi",
        "ce-source": "bridge_xyz/customer",
    },
)
