"""Typeform: HMAC-SHA256 of the raw body, base64, `sha256=` prefix, in Typeform-Signature."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="typeform",
    docs="https://www.typeform.com/developers/webhooks/secure-your-webhooks/",
    summary="HMAC-SHA256 of the body, `Typeform-Signature: sha256=<base64>`",
    verify=Hmac(header="Typeform-Signature", prefix="sha256=", encoding="base64"),
    event_type=json_field("event_type"),
    delivery_id=json_field("event_id"),
    timeout=10,
    retries=Retries(
        retries=True,
        on="429/408/503/423: every 2-3 min for 10 h; other non-2xx or 30 s timeout: backoff",
        schedule="other codes: 5 min, 10 min, 20 min, 1 h, 2 h, 3 h, 4 h...",
        disables="404 or 410: no retry, webhook disabled at once",
        source="https://www.typeform.com/developers/webhooks/",
    ),
)
