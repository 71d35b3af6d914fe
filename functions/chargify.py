"""Maxio Advanced Billing (Chargify): hex HMAC-SHA256 of the form-encoded body with the site's shared key."""

from __future__ import annotations

from shared.provider import Provider, Retries, form_field
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
    retries=Retries(
        retries=True,
        on="non-200 or no answer within ~15 s",
        schedule="5 attempts: asap, +10 s, +15 s, +90 s, +180 s",
        disables="yes, endpoints can be disabled (notice exists); threshold not stated",
        source="https://docs.maxio.com/hc/en-us/articles/24266136649869-Webhooks-Reference",
    ),
)
