"""PagerDuty v3: HMAC-SHA256 of the body, hex, every `v1=` of X-PagerDuty-Signature."""

from __future__ import annotations

from shared.provider import Provider, header, json_field
from shared.schemes import Hmac, pairs

PROVIDER = Provider(
    id="pagerduty",
    docs="https://developer.pagerduty.com/docs/ZG9jOjExMDI5NTkz-verifying-signatures",
    summary="HMAC-SHA256 of the body, `X-PagerDuty-Signature: v1=<hex>[,v1=<hex>]`",
    # One `v1=` per active secret while a subscription's secret is rotated (go-pagerduty webhookv3).
    verify=Hmac(header="X-PagerDuty-Signature", claims=pairs(",", "v1"), layout="v1={signature}"),
    event_type=json_field("event.event_type"),
    delivery_id=json_field("event.id"),
    source=header("X-Webhook-Subscription"),
    timeout=10,
)
