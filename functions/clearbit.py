"""Clearbit: `X-Request-Signature: sha1=<hex>`, HMAC-SHA1 of the body keyed with the Clearbit API key."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="clearbit",
    docs="https://github.com/clearbit/clearbit-ruby/blob/master/lib/clearbit/webhook.rb",
    summary="HMAC-SHA1 of the body, `X-Request-Signature: sha1=<hex>`; key: the API key",
    # clearbit-ruby's Webhook.valid?: 'sha1=' + HMAC-SHA1 hexdigest of the body with Clearbit.key.
    verify=Hmac(header="X-Request-Signature", algorithm="sha1", prefix="sha1="),
    # `type` is `person` or `company`; `id` is the caller's own `webhook_id` from the lookup, not a
    # per-delivery id, so it is left as an attribute rather than the delivery id.
    event_type=json_field("type"),
    attributes={"webhook_id": json_field("id")},
    # Clearbit documents no response deadline: 10 s is a guess.
    timeout=10,
    retries=Retries(
        retries=None,
        source="https://github.com/clearbit/clearbit-ruby/blob/master/lib/clearbit/webhook.rb",
    ),
)
