"""PagerDuty v3: HMAC-SHA256 of the body, hex, every `v1=` of X-PagerDuty-Signature."""

from __future__ import annotations

from shared.provider import Provider, Retries, header, json_field
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
    retries=Retries(
        retries=True,
        on="5xx, no connection or DNS failure, no 200 within 5 s; 4xx dropped",
        schedule="first +50 s then backoff x1.25^N, 8 retries in ~20 min (V2-era page; v3 unconfirmed)",
        disables="many dropped 4xx: webhook disabled (support page)",
        source="https://support.pagerduty.com/docs/webhooks",
    ),
)
