"""SendGrid Event Webhook: ECDSA P-256/SHA-256 over timestamp + body, checked with the public key."""

from __future__ import annotations

from shared.provider import Provider, Retries, first_item
from shared.schemes import Ecdsa

PROVIDER = Provider(
    id="sendgrid",
    docs="https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/getting-started-event-webhook-security-features",
    summary="ECDSA P-256 of `ts + body`, `X-Twilio-Email-Event-Webhook-Signature: <b64 DER>`; 300 s",
    # The verification key is public: the contract names it <ID>_PUBLIC_KEY.
    secret="PUBLIC_KEY",
    verify=Ecdsa(
        header="X-Twilio-Email-Event-Webhook-Signature",
        timestamp="X-Twilio-Email-Event-Webhook-Timestamp",
    ),
    # A body is a batch of events, each with its own `sg_event_id`; a batch has no id of its own.
    event_type=first_item("event"),
    timeout=10,
    retries=Retries(
        retries=True,
        on="any non-2xx (Event Webhook)",
        schedule="increasing intervals for up to 24 h after the event",
        source="https://docs.sendgrid.com/for-developers/tracking-events/troubleshooting",
    ),
)
