"""Bridge API (bridgeapi.io, formerly Bankin'): HMAC-SHA256 of the raw body, hex, `v1=..` entries in
BridgeApi-Signature."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac, pairs

PROVIDER = Provider(
    id="bridge_api",
    docs="https://docs.bridgeapi.io/docs/secure-your-webhooks",
    summary="HMAC-SHA256 of the body, `BridgeApi-Signature: v1=<HEX>[,v1=<HEX>]`; two live secrets during rotation",
    verify=Hmac(
        header="BridgeApi-Signature",
        # "one or more signatures, each prefixed by a scheme ... ignore all schemes that are not v1";
        # during the 24 h after a secret update an event carries one v1 per live secret.
        # Bridge sends uppercase hex (its WooCommerce and Thelia modules compare `strtoupper`);
        # decoding accepts either case.
        claims=pairs(",", "v1"),
        layout="v1={signature}",
    ),
    # {"content": {...}, "timestamp": <ms>, "type": "item.refreshed"} (docs.bridgeapi.io webhooks-events).
    # No delivery id: ce-id is a generated UUID. The body's timestamp is signed, but Bridge sets
    # no window, so its age is not checked.
    event_type=json_field("type"),
    attributes={"user_uuid": json_field("content.user_uuid")},
    retries=Retries(
        retries=True,
        on="non-200 (page has a Retry mechanism section; details not read)",
        source="https://docs.bridgeapi.io/docs/webhooks",
    ),
)
