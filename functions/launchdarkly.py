"""LaunchDarkly: hex HMAC-SHA256 of the body in X-LD-Signature."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="launchdarkly",
    docs="https://launchdarkly.com/docs/home/infrastructure/webhooks",
    summary="HMAC-SHA256 of the body, `X-LD-Signature: <hex>`",
    verify=Hmac(header="X-LD-Signature"),
    # The payload is a change-history (audit log) entry: `_id` and `kind`.
    event_type=json_field("kind"),
    delivery_id=json_field("_id"),
    retries=Retries(
        retries=None,
        schedule="unknown (no retry policy found)",
        source="https://launchdarkly.com/docs/home/infrastructure/webhooks",
    ),
)
