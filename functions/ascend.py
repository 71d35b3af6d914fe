"""Ascend (insurance payments): HMAC-SHA256 of `timestamp:body`, hex, `t=..,v1=..` in
X-Ascend-Signature; the same timestamp in X-Ascend-Request-Timestamp."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac, pairs

PROVIDER = Provider(
    id="ascend",
    docs="https://useascend.readme.io/docs/webhooks",
    summary="HMAC-SHA256 of `t:body`, `X-Ascend-Signature: t=..,v1=<hex>`; 300 s",
    verify=Hmac(
        header="X-Ascend-Signature",
        claims=pairs(",", "v1", "t"),
        # A colon, not Stripe's dot: "<timestamp>:<stringified request body>".
        signed="{timestamp}:{body}",
        layout="t={timestamp},v1={signature}",
        # Ascend publishes no window: the contract's default 5 minutes.
    ),
    # The body: {"event_id", "event_name", "payload"}; anything but a 200 is retried.
    event_type=json_field("event_name"),
    delivery_id=json_field("event_id"),
    retries=Retries(
        retries=None,
        on="unknown (docs: only a 200 counts as received; rest of sentence not read)",
        source="https://useascend.readme.io/docs/webhooks",
    ),
)
