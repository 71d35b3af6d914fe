import base64
import json

from tests.signers import Sample, public_der, rsa_key


def _key():
    # Utila's webhook key is RSA-4096; the scheme does not depend on the size, and 2048 keeps the suite fast.
    return rsa_key("utila")


def public_key() -> str:
    """The public key as one line of base64 DER, the way an environment variable holds it."""
    return public_der(_key())


def sign(body: bytes, now: int, salt_length: int | None = None) -> dict[str, str]:
    # No Utila SDK signs: `cryptography` as third-party verifying code does it (RSA-SHA512, PSS
    # padding, salt length = digest length unless given, base64), over the raw body.
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    salt = padding.PSS.DIGEST_LENGTH if salt_length is None else salt_length
    pss = padding.PSS(mgf=padding.MGF1(hashes.SHA512()), salt_length=salt)
    return {"x-utila-signature": base64.b64encode(_key().sign(body, pss, hashes.SHA512())).decode()}


SAMPLE = Sample(
    secret=public_key(),
    sign=sign,
    signature_header="x-utila-signature",
    # docs.utila.io, Webhooks: a transaction state update.
    body=json.dumps(
        {
            "id": "9c683b37-bfb6-42f4-bcaa-1a6f46d3b6f8",
            "vault": "vaults/3bf247bc8ee2c",
            "type": "TRANSACTION_STATE_UPDATED",
            "details": {"transactionStateUpdated": {"newState": "CONFIRMED"}},
            "resourceType": "TRANSACTION",
            "resource": "vaults/3bf247bc8ee2c/transactions/b6e3cd2e8217",
        }
    ).encode(),
    attributes={
        "event_type": "TRANSACTION_STATE_UPDATED",
        "delivery_id": "9c683b37-bfb6-42f4-bcaa-1a6f46d3b6f8",
        "ce-type": "utila.TRANSACTION_STATE_UPDATED",
        "ce-source": "utila/vaults/3bf247bc8ee2c",
    },
)
