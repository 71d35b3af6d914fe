"""Cisco Meraki: no signature; the HTTP server's shared secret travels in the body as `sharedSecret`."""

from __future__ import annotations

from shared.crypto import equal
from shared.delivery import Delivery
from shared.errors import Unauthorized
from shared.provider import Provider, first, json_field
from shared.secrets import Secrets


def verify(delivery: Delivery, secrets: Secrets) -> None:
    """The body's `sharedSecret` must be one of the secrets (Meraki sends it in clear, over TLS)."""
    document = delivery.json()
    claimed = document.get("sharedSecret") if isinstance(document, dict) else None
    if not isinstance(claimed, str) or not claimed:
        raise Unauthorized("missing_shared_secret")
    if not any(equal(s.value, claimed.encode("utf-8")) for s in secrets):
        raise Unauthorized("bad_shared_secret")


PROVIDER = Provider(
    id="meraki",
    docs="https://developer.cisco.com/meraki/webhooks/",
    summary="shared secret in the body's `sharedSecret` (no signature)",
    verify=verify,
    # `alertType` is a label ("Settings changed"); newer payloads add the stable `alertTypeId`.
    event_type=first(json_field("alertTypeId"), json_field("alertType")),
    delivery_id=json_field("alertId"),
    source=json_field("networkId"),
    time=json_field("occurredAt"),
    attributes={"organization_id": json_field("organizationId")},
)
