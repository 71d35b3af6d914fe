"""Cloudprinter CloudSignal Webhooks v2.0: no signature; every JSON signal carries the Webhook API
key in its `apikey` field, compared here to the configured key (constant time)."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import BodyToken

PROVIDER = Provider(
    id="cloudsignal",
    docs="https://docs.cloudprinter.com/client/cloudsignal-webhooks-v2-0",
    summary="the Webhook API key in the body's `apikey` field (no signature: the body is not authenticated)",
    # The key is a bearer credential, not a MAC: a captured delivery can be altered and replayed.
    # It is also part of the published body (the contract publishes bytes as received).
    verify=BodyToken(field="apikey"),
    # {"apikey", "type": "ItemShipped", "order", "item", "order_reference", "item_reference",
    # "datetime", ...}; no delivery id: ce-id is a generated UUID.
    event_type=json_field("type"),
    attributes={"order": json_field("order"), "item": json_field("item")},
    # Cloudprinter publishes no delivery timeout (retries: up to 100 attempts over 7 days):
    # the contract default.
    retries=Retries(
        retries=True,
        on="any status other than 200/204 (400 explicitly causes retry)",
        schedule="max 100 attempts over 7 days",
        source="https://docs.cloudprinter.com/client/cloudsignal-webhooks-v2-0",
    ),
)
