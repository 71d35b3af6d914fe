"""Synctera: hex HMAC-SHA256 of `<Request-Timestamp>.<body>` in Synctera-Signature; during a rolling
secret the header carries two signatures separated by a dot."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Claim, Hmac


def dotted(value: str) -> Claim:
    """`<hex>` or, while a rolling secret is active, `<hex>.<hex>` (old and new secret)."""
    return Claim(signatures=tuple(part.strip() for part in value.split(".")))


PROVIDER = Provider(
    id="synctera",
    docs="https://docs.synctera.com/docs/webhooks-guide",
    summary="HMAC-SHA256 of `timestamp.body`, `Synctera-Signature: <hex>[.<hex>]`, `Request-Timestamp`; 300 s",
    # The secret comes from POST /v0/webhook_secrets, not the API key.
    verify=Hmac(
        header="Synctera-Signature",
        timestamp="Request-Timestamp",  # POSIX seconds
        signed="{timestamp}.{body}",
        claims=dotted,
        tolerance=300,
    ),
    event_type=json_field("type"),
    delivery_id=json_field("id"),
    # Synctera's deliveries time out after 5 s (as quoted from its guide by third parties).
    timeout=5,
    retries=Retries(
        retries=None,
        schedule="unknown (no source found)",
        source="https://docs.synctera.com/docs/webhooks-guide",
    ),
)
