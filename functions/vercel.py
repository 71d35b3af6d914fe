"""Vercel: HMAC-SHA1 of the raw body, hex, in x-vercel-signature."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="vercel",
    docs="https://vercel.com/docs/webhooks/webhooks-api#securing-webhooks",
    summary="HMAC-SHA1 of the body, `x-vercel-signature: <hex>`",
    # The key is the webhook's secret, or the integration's client secret for integration webhooks.
    verify=Hmac(header="x-vercel-signature", algorithm="sha1"),
    event_type=json_field("type"),
    delivery_id=json_field("id"),
    timeout=10,
    retries=Retries(
        retries=None,
        schedule="unknown (docs read are silent)",
        source="https://vercel.com/docs/webhooks/webhooks-api",
    ),
)
