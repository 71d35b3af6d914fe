"""Token.io: Ed25519 of the raw body, unpadded base64url, in `token-signature`, checked with the
member's Ed25519 public key (unpadded base64url, as the Dashboard shows it); no timestamp."""

from __future__ import annotations

from shared.provider import Provider, Retries, header
from shared.schemes import Ed25519

PROVIDER = Provider(
    id="tokenio",
    docs="https://docs.token.io/products/tpp/integration-considerations/webhooks",
    summary="Ed25519 of the body, `token-signature: <base64url>`; public key; no timestamp",
    secret="PUBLIC_KEY",
    verify=Ed25519(header="token-signature", signed="{body}", encoding="base64url"),
    # The event type is a header, not a body field (`PAYMENT_STATUS_CHANGED`, ...).
    event_type=header("token-event"),
    # Token.io documents no response deadline: the contract's default 10 s.
    timeout=10,
    retries=Retries(
        retries=None,
        schedule="unknown (no source found)",
        source="https://docs.token.io/products/tpp/integration-considerations/webhooks",
    ),
)
