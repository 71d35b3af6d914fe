"""Maxio Advanced Billing (Chargify): hex HMAC-SHA256 of the form-encoded body with the site's shared key."""

from __future__ import annotations

from shared.provider import Provider, form_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="chargify",
    docs="https://docs.maxio.com/hc/en-us/articles/24266136649869-Webhooks-Reference",
    summary="HMAC-SHA256 of the form body with the site shared key, `X-Chargify-Webhook-Signature-Hmac-Sha-256: <hex>`",
    verify=Hmac(header="X-Chargify-Webhook-Signature-Hmac-Sha-256"),
    # The body is form-encoded: `id`, `event`, `payload[...]` (Webhooks Reference).
    event_type=form_field("event"),
    delivery_id=form_field("id"),
    # "failing to respond within approximately 15 seconds will trigger automatic retries".
    timeout=15,
)
