"""HCP Terraform / Terraform Enterprise notifications: hex HMAC-SHA512 of the body with the token."""

from __future__ import annotations

from shared.provider import Provider, Retries, first_item, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="terraform",
    docs="https://developer.hashicorp.com/terraform/cloud-docs/api-docs/notification-configurations#notification-authenticity",
    summary="HMAC-SHA512 of the body with the notification token, `X-TFE-Notification-Signature: <hex>`",
    verify=Hmac(header="X-TFE-Notification-Signature", algorithm="sha512"),
    # `run:completed`, `run:errored`, ..., or `verification` when the configuration is saved.
    event_type=first_item("trigger", within="notifications"),
    # One notification configuration sends each run's triggers; none carries a delivery id.
    source=json_field("notification_configuration_id"),
    attributes={"run_id": json_field("run_id"), "workspace_id": json_field("workspace_id")},
    retries=Retries(
        retries=None,
        schedule="unknown (notification docs read are silent)",
        source="https://developer.hashicorp.com/terraform/cloud-docs/workspaces/settings/notifications",
    ),
)
