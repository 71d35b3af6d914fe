"""Stripe: HMAC-SHA256 of `t.body`, hex, every `v1=` of Stripe-Signature, 5-minute tolerance."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac, pairs

PROVIDER = Provider(
    id="stripe",
    docs="https://docs.stripe.com/webhooks#verify-manually",
    summary="HMAC-SHA256 of `t.body`, `Stripe-Signature: t=..,v1=..`; 300 s",
    # The `whsec_...` secret is the key as is, unlike Standard Webhooks' (stripe-python).
    verify=Hmac(
        header="Stripe-Signature",
        claims=pairs(",", "v1", "t"),
        signed="{timestamp}.{body}",
        layout="t={timestamp},v1={signature}",
    ),
    event_type=json_field("type"),
    delivery_id=json_field("id"),
    # Connect events name the connected account; event ids are unique per account.
    source=json_field("account"),
    timeout=10,
    retries=Retries(
        retries=True,
        on="non-2xx (3xx too) or timeout",
        schedule="live: exponential for up to 3 days; sandbox: 3 times over a few hours",
        resigned=True,  # new t= and signature per attempt
        disables="endpoint disabled after days of failures, email warnings first",
        source="https://docs.stripe.com/webhooks",
    ),
)
