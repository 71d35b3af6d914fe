"""Standard Webhooks (Svix, Clerk, Resend, OpenAI...): HMAC-SHA256 of `id.timestamp.body`, base64."""

from __future__ import annotations

from shared.provider import Provider, header, json_field
from shared.schemes import Hmac, versioned, whsec

PROVIDER = Provider(
    id="standard_webhooks",
    docs="https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md",
    summary="HMAC-SHA256 of `id.timestamp.body`, `webhook-signature: v1,<b64> ...`; 300 s",
    verify=Hmac(
        header="webhook-signature",
        claims=versioned("v1"),
        layout="v1,{signature}",
        encoding="base64",
        signed="{id}.{timestamp}.{body}",
        id="webhook-id",
        timestamp="webhook-timestamp",
        key=whsec,
    ),
    event_type=json_field("type"),
    delivery_id=header("webhook-id"),
    timeout=15,
)
