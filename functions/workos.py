"""WorkOS: hex HMAC-SHA256 of `t.body`, `WorkOS-Signature: t=<ms>, v1=<hex>`, 180 s tolerance."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
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
    retries=Retries(
        retries=True,
        on="non-2xx or timeout (WorkOS-authored skill text; docs page not read)",
        schedule="exponential backoff, up to 6 attempts over 3 days",
        disables="endpoint marked unhealthy after repeated failures",
        source="https://workos.com/docs/events/data-syncing/webhooks",
    ),
)
