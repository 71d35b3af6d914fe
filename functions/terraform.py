"""HCP Terraform / Terraform Enterprise notifications: hex HMAC-SHA512 of the body with the token."""

from __future__ import annotations

from shared.delivery import Delivery
from shared.provider import Provider, json_field
from shared.schemes import Hmac


def trigger(delivery: Delivery) -> str | None:
    """`trigger` of the body's first notification (`run:completed`, `verification`)."""
    document = delivery.json()
    notifications = document.get("notifications") if isinstance(document, dict) else None
    first = notifications[0] if isinstance(notifications, list) and notifications else None
    value = first.get("trigger") if isinstance(first, dict) else None
    return value if isinstance(value, str) else None


PROVIDER = Provider(
    id="terraform",
    docs="https://developer.hashicorp.com/terraform/cloud-docs/api-docs/notification-configurations#notification-authenticity",
    summary="HMAC-SHA512 of the body with the notification token, `X-TFE-Notification-Signature: <hex>`",
    verify=Hmac(header="X-TFE-Notification-Signature", algorithm="sha512"),
    event_type=trigger,
    # One notification configuration sends each run's triggers; none carries a delivery id.
    source=json_field("notification_configuration_id"),
    attributes={"run_id": json_field("run_id"), "workspace_id": json_field("workspace_id")},
)
