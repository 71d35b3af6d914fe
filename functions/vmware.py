"""VMware Workspace ONE UEM event notifications: no signature; HTTP Basic credentials, the
Username and Password set on the Event Notifications rule."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import BasicAuth

PROVIDER = Provider(
    id="vmware",
    # ngrok's guide is the public description of how Workspace ONE authenticates its webhooks
    # (its verifier takes the rule's `{username}::{password}`); here the secret is `user:password`.
    docs="https://ngrok.com/docs/integrations/webhooks/vmware-webhooks",
    summary="HTTP Basic with the Event Notifications rule's username and password; `user:password`",
    verify=BasicAuth(),
    # {"EventId": 178, "EventType": "...", "DeviceId": 10000, "EventTime": ..., "Udid": ..., ...}
    # (JSON format). EventId numbers the kind of event, not the delivery: ce-id is a generated UUID.
    event_type=json_field("EventType"),
    attributes={"device_id": json_field("DeviceId")},
    # Workspace ONE publishes no delivery timeout: the contract default.
    retries=Retries(
        retries=None,
        schedule="unknown (no source found)",
        source="https://ngrok.com/docs/integrations/webhooks/vmware-webhooks",
    ),
)
