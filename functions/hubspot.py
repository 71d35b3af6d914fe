"""HubSpot v3: HMAC-SHA256 of method + URI + body + timestamp, base64, X-HubSpot-Signature-v3."""

from __future__ import annotations

from shared.provider import Provider, first_item
from shared.schemes import Hmac

PROVIDER = Provider(
    id="hubspot",
    docs="https://developers.hubspot.com/docs/api/webhooks/validating-requests",
    summary="HMAC-SHA256 of `method + url + body + ts`, `X-HubSpot-Signature-v3: <b64>`; ms, 300 s",
    verify=Hmac(
        header="X-HubSpot-Signature-v3",
        encoding="base64",
        signed="{method}{url}{body}{timestamp}",
        timestamp="X-HubSpot-Request-Timestamp",
        timestamp_unit="ms",
    ),
    # A body is a batch of events, each with its own `eventId`; a batch has no id of its own.
    event_type=first_item("subscriptionType"),
    source=first_item("portalId"),
    timeout=5,
    variables=("HUBSPOT_PUBLIC_URL",),
)
