"""ShipHero: base64 HMAC-SHA256 of the body in X-ShipHero-HMAC-SHA256, answered with the JSON ShipHero expects."""

from __future__ import annotations

from shared.provider import Answer, Provider, Retries, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="shiphero",
    docs="https://developer.shiphero.com/webhooks",
    summary='HMAC-SHA256 of the body, `X-ShipHero-HMAC-SHA256: <base64>`; ack `{"code": "200", "Status": "Success"}`',
    # The key is the webhook's shared secret (webhook_create's `shared_signature_secret`).
    verify=Hmac(header="X-ShipHero-HMAC-SHA256", encoding="base64"),
    # "When we send the webhook we wait for a response": this JSON, as application/json.
    ack=Answer(body=b'{"code": "200", "Status": "Success"}', content_type="application/json"),
    # No topic header: the body names its kind (`webhook_type`, e.g. "Inventory Update").
    event_type=json_field("webhook_type"),
    source=json_field("account_id"),
    # "The timeout for this response to get back is 10 seconds" (20 s for Generate Label).
    timeout=10,
    retries=Retries(
        retries=None,
        schedule="unknown (page read covers health states only)",
        disables="from 2026-04-20: persistent errors -> WARNING (email) -> UNHEALTHY (auto-disabled)",
        source="https://developer.shiphero.com/webhooks",
    ),
)
