"""Commerce Layer: base64 HMAC-SHA256 of the raw body with the webhook's shared secret, in X-CommerceLayer-Signature."""

from __future__ import annotations

from shared.provider import Provider, Retries, header, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="commercelayer",
    docs="https://docs.commercelayer.io/developers/callbacks-security",
    summary="HMAC-SHA256 of the body with the shared secret, `X-CommerceLayer-Signature: <b64>`",
    verify=Hmac(header="X-CommerceLayer-Signature", encoding="base64"),
    # The topic (`orders.place`) travels only in this header; the body is the JSON:API resource.
    event_type=header("X-CommerceLayer-Topic"),
    source=json_field("data.type"),
    # Commerce Layer's docs state no deadline; 5 s is what Hookdeck's guide reports, taken as the safe side.
    timeout=5,
    retries=Retries(
        retries=True,
        on="non-2xx or no answer within 5 s",
        schedule="up to 10 retries (schedule not stated)",
        disables="yes: circuit opens after 30 consecutive failures; no calls until reset",
        source="https://docs.commercelayer.io/core/real-time-webhooks",
    ),
)
