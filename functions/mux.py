"""Mux: hex HMAC-SHA256 of `t.body`, `Mux-Signature: t=..,v1=..`, 5-minute tolerance."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac, pairs

PROVIDER = Provider(
    id="mux",
    docs="https://www.mux.com/docs/core/verify-webhook-signatures",
    summary="HMAC-SHA256 of `t.body`, `Mux-Signature: t=..,v1=<hex>`; 300 s",
    verify=Hmac(
        header="Mux-Signature",
        claims=pairs(",", "v1", "t"),
        signed="{timestamp}.{body}",
        layout="t={timestamp},v1={signature}",
    ),
    event_type=json_field("type"),
    delivery_id=json_field("id"),
    source=json_field("environment.id"),
    retries=Retries(
        retries=None,
        schedule="unknown (retry policy not found)",
        source="https://www.mux.com/docs/core/verify-webhook-signatures",
    ),
)
