"""Postmark: no signature; HTTP Basic credentials set in the webhook URL (`https://user:pass@host/...`)."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import BasicAuth

PROVIDER = Provider(
    id="postmark",
    docs="https://postmarkapp.com/developer/webhooks/webhooks-overview",
    summary="HTTP Basic auth, `POSTMARK_WEBHOOK_SECRET` = `user:password`",
    verify=BasicAuth(),
    # MessageID is shared by a message's Delivery, Open, Click... events: not a delivery id.
    event_type=json_field("RecordType"),
    timeout=10,
    retries=Retries(
        retries=True,
        on="any answer but 200; 403 stops retries at once",
        schedule="inbound: 10 retries over ~10.5 h (1, 5, 10x3, 15, 30 min, 1, 2, 6 h); other types unknown",
        source="https://postmarkapp.com/support/article/understanding-inbound-webhook-retries-in-postmark",
    ),
)
