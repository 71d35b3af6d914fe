"""WorkOS: hex HMAC-SHA256 of `t.body`, `WorkOS-Signature: t=<ms>, v1=<hex>`, 180 s tolerance."""

from __future__ import annotations

from shared.provider import Provider, json_field
from shared.schemes import Hmac, pairs

PROVIDER = Provider(
    id="workos",
    docs="https://workos.com/docs/sso/webhooks",
    summary="HMAC-SHA256 of `t.body`, `WorkOS-Signature: t=<ms>, v1=<hex>`; 180 s",
    verify=Hmac(
        header="WorkOS-Signature",
        claims=pairs(",", "v1", "t"),
        signed="{timestamp}.{body}",
        timestamp_unit="ms",
        # workos-python's DEFAULT_TOLERANCE.
        tolerance=180,
        layout="t={timestamp}, v1={signature}",
    ),
    event_type=json_field("event"),
    delivery_id=json_field("id"),
)
