"""HubSpot v3: HMAC-SHA256 of method + URI + body + timestamp, base64, X-HubSpot-Signature-v3."""

from __future__ import annotations

from shared.provider import Provider, Retries, first_item
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
    retries=Retries(
        retries=True,
        on="connection failure, timeout, any status except 400/401/403/404/405 (429 honours Retry-After)",
        schedule="up to 10 retries, exponential from 2 min (2,4,8 min...)",
        source="https://integrate.hubspot.com/t/what-does-will-retry-mean-when/3953",  # quotes HubSpot webhooks doc
    ),
)
