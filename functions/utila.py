"""Utila: RSA-PSS SHA-512 (the salt length read from the signature) of the raw body, base64, in `x-utila-signature`,
checked with Utila's webhook public key; no timestamp is signed."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import PublicKey

PROVIDER = Provider(
    id="utila",
    docs="https://docs.utila.io/reference/webhooks",
    summary="RSA-PSS SHA-512 of the body, `x-utila-signature: <base64>`; public key; no timestamp",
    # The verification key is public: the contract names it <ID>_PUBLIC_KEY: the PEM (pasted
    # whole) or one line of base64 DER.
    secret="PUBLIC_KEY",
    verify=PublicKey(header="x-utila-signature", algorithm="rsa-pss-sha512", signed="{body}", encoding="base64"),
    event_type=json_field("type"),
    delivery_id=json_field("id"),
    source=json_field("vault"),
    # Utila documents no response deadline: the contract's default 10 s.
    timeout=10,
    retries=Retries(
        retries=None,
        schedule="unknown (no source found)",
        source="https://docs.utila.io/reference/webhooks",
    ),
)
