"""Linear: HMAC-SHA256 of the body, hex, in Linear-Signature; body `webhookTimestamp` (ms) within 60 s."""

from __future__ import annotations

from shared.provider import Provider, Retries, header, json_field
from shared.schemes import BodyTimestamp, Hmac

PROVIDER = Provider(
    id="linear",
    docs="https://linear.app/developers/webhooks",
    summary="HMAC-SHA256 of the body, `Linear-Signature: <hex>`; body `webhookTimestamp` (ms), 60 s",
    # 60 s either way, as @linear/sdk's LinearWebhooks.verify.
    verify=BodyTimestamp(verify=Hmac(header="Linear-Signature"), field="webhookTimestamp", unit="ms", tolerance=60),
    event_type=json_field("type"),
    delivery_id=header("Linear-Delivery"),
    source=json_field("webhookId"),
    timeout=5,
    retries=Retries(
        retries=True,
        on="non-200, no answer within 5 s, server unavailable",
        schedule="3 retries: after 1 min, 1 h, 6 h",
        source="https://developers.linear.app/docs/graphql/webhooks",
    ),
)
