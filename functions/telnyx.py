"""Telnyx (API v2 webhooks): Ed25519 over `timestamp|body`, base64, with the account's public key."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Ed25519

PROVIDER = Provider(
    id="telnyx",
    docs="https://developers.telnyx.com/docs/messaging/messages/receiving-webhooks",
    summary="Ed25519 of `timestamp|body`, `telnyx-signature-ed25519: <base64>` with the account's public key; 300 s",
    # telnyx-python's lib/webhook_verification.py: base64 signature and key, `{timestamp}|{payload}`,
    # a 5-minute tolerance.
    verify=Ed25519(
        header="telnyx-signature-ed25519",
        timestamp="telnyx-timestamp",
        signed="{timestamp}|{body}",
        encoding="base64",
    ),
    secret="PUBLIC_KEY",
    event_type=json_field("data.event_type"),
    # The event id stays the same when Telnyx retries or fails over.
    delivery_id=json_field("data.id"),
    time=json_field("data.occurred_at"),
    retry=json_field("meta.attempt"),
    # Messaging: "Return a 2xx status code within 2 seconds".
    timeout=2,
    retries=Retries(
        retries=True,
        on="any answer but 200",
        schedule="reattempted at the failover webhook URL; count/schedule not stated",
        source="https://developers.telnyx.com/api-reference/callbacks/fax-failed",
    ),
)
