"""Postmark: no signature; HTTP Basic credentials set in the webhook URL (`https://user:pass@host/...`)."""

from __future__ import annotations

from shared.provider import Provider, json_field
from shared.schemes import BasicAuth

PROVIDER = Provider(
    id="postmark",
    docs="https://postmarkapp.com/developer/webhooks/webhooks-overview",
    summary="HTTP Basic auth, `POSTMARK_WEBHOOK_SECRET` = `user:password`",
    verify=BasicAuth(),
    # MessageID is shared by a message's Delivery, Open, Click... events: not a delivery id.
    event_type=json_field("RecordType"),
    timeout=10,
)
