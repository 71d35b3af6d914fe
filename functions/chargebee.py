"""Chargebee: no signature; HTTP Basic credentials set on the webhook in the Chargebee console."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import BasicAuth

PROVIDER = Provider(
    id="chargebee",
    docs="https://www.chargebee.com/docs/2.0/webhook_settings.html",
    summary="HTTP Basic auth, `CHARGEBEE_WEBHOOK_SECRET` = `user:password`",
    verify=BasicAuth(),
    # The body is a Chargebee Event (chargebee SDK types/resources/Event.d.ts): `id`, `event_type`.
    event_type=json_field("event_type"),
    delivery_id=json_field("id"),
    retries=Retries(
        retries=True,
        on="non-2xx, error or timeout",
        schedule="7 retries: 2m,6m,30m,1h,5h,1d,2d (~3 days)",
        disables="not stated (emails site admins)",
        source="https://support.chargebee.com/support/solutions/articles/257941",
    ),
)
