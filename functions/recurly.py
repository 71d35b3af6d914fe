"""Recurly JSON webhooks: hex HMAC-SHA256 of `t.body`, `recurly-signature: <t ms>,<hex>[,<hex>...]`."""

from __future__ import annotations

from shared.provider import Provider, Retries
from shared.schemes import Claim, Hmac


def recurly_claims(value: str) -> Claim:
    """`1587075003000,<sig>,<sig>`: the millisecond timestamp first, then one signature per active key."""
    timestamp, *signatures = (part.strip() for part in value.split(","))
    return Claim(timestamp=timestamp or None, signatures=tuple(signatures))


PROVIDER = Provider(
    id="recurly",
    docs="https://docs.recurly.com/recurly-subscriptions/docs/signature-verification",
    summary="HMAC-SHA256 of `t.body`, `recurly-signature: <t ms>,<hex>,...`; 300 s",
    # recurly-ruby's Webhooks.verify_signature: DEFAULT_TOLERANCE = 5 minutes, either way.
    verify=Hmac(
        header="recurly-signature",
        claims=recurly_claims,
        signed="{timestamp}.{body}",
        timestamp_unit="ms",
        layout="{timestamp},{signature}",
    ),
    retries=Retries(
        retries=True,
        on="non-2xx",
        schedule="exponential, up to 10 retries, delay ~10 + x*2^(x+5) s, in creation order",
        source="https://docs.recurly.com/recurly-subscriptions/v2021-02-25/docs/automatic-retries",
    ),
)
