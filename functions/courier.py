"""Courier: hex HMAC-SHA256 of `t.body` with the webhook secret, `courier-signature: t=<ms>,signature=<hex>`."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac, pairs

PROVIDER = Provider(
    id="courier",
    docs="https://www.courier.com/docs/platform/workspaces/outbound-webhooks",
    summary="HMAC-SHA256 of `t.body` with the webhook secret, `courier-signature: t=<ms>,signature=<hex>`; 300 s",
    # The docs page lists the timestamp and the body without naming the separator; Courier's own
    # guide (trycourier/courier-skills, skills/courier/references/guides/webhooks.md) signs
    # `${t}.${raw_body}`, `t` in milliseconds. Courier leaves the window to the receiver: the
    # contract's 300 s.
    verify=Hmac(
        header="courier-signature",
        claims=pairs(",", "signature", "t"),
        signed="{timestamp}.{body}",
        timestamp_unit="ms",
        layout="t={timestamp},signature={signature}",
    ),
    # Every payload is `{"type": ..., "data": {...}}`. `data.id` names the resource (a message
    # emits several events with one id), so it is no delivery id: the pipeline generates one.
    event_type=json_field("type"),
    # "Respond 2xx within 10 seconds"; 408, 429, 5xx and timeouts are retried for about a day.
    timeout=10,
    retries=Retries(
        retries=True,
        on='network errors and "certain retryable HTTP errors" (list not given)',
        schedule="exponential 5 s..900 s, then every 15 min; up to 104 attempts over 24 h",
        source="https://www.courier.com/docs/platform/sending/delivery-pipeline-resilience",
    ),
)
