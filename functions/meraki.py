"""Cisco Meraki: no signature; the HTTP server's shared secret travels in the body as `sharedSecret`."""

from __future__ import annotations

from shared.provider import Provider, Retries, first, json_field
from shared.schemes import BodyToken

PROVIDER = Provider(
    id="meraki",
    docs="https://developer.cisco.com/meraki/webhooks/",
    summary="shared secret in the body's `sharedSecret` (no signature)",
    verify=BodyToken(field="sharedSecret"),
    # `alertType` is a label ("Settings changed"); newer payloads add the stable `alertTypeId`.
    event_type=first(json_field("alertTypeId"), json_field("alertType")),
    delivery_id=json_field("alertId"),
    source=json_field("networkId"),
    time=json_field("occurredAt"),
    attributes={"organization_id": json_field("organizationId")},
    retries=Retries(
        retries=None,
        disables="yes: receiver-health auto-disable policy exists (details not read)",
        source="https://documentation.meraki.com/General_Administration/Other_Topics/Webhooks",
    ),
)
