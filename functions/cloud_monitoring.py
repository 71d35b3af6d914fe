"""Cloud Monitoring (Cloud Observability) webhook channels: `auth_token` in the URL, or Basic auth."""

from __future__ import annotations

from shared.delivery import Delivery
from shared.provider import Provider, Retries, json_field
from shared.schemes import BasicAuth, QueryToken, either


def delivery_id(delivery: Delivery) -> str | None:
    """body `incident.incident_id` and `incident.state`: one incident sends `open` then `closed`."""
    incident = json_field("incident.incident_id")(delivery)
    state = json_field("incident.state")(delivery)
    return f"{incident}/{state}" if incident and state else incident


PROVIDER = Provider(
    id="cloud_monitoring",
    docs="https://cloud.google.com/monitoring/support/notification-options#webhooks",
    summary="`webhook_tokenauth`: `?auth_token=<secret>`; `webhook_basicauth`: Basic `user:password`",
    verify=either(QueryToken(param="auth_token"), BasicAuth()),
    event_type=json_field("incident.state"),
    delivery_id=delivery_id,
    source=json_field("incident.scoping_project_id"),
    timeout=10,
    retries=Retries(
        retries=None,
        schedule="unknown (no retry policy found in Monitoring docs)",
        source="https://cloud.google.com/monitoring/support/notification-options#webhooks",
    ),
)
