"""Pinwheel: hex HMAC-SHA256 of `v2:<X-Timestamp>:<body>` with the API secret, `X-Pinwheel-Signature: v2=<hex>`."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="pinwheel",
    docs="https://docs.pinwheelapi.com/docs/webhook-signature-verification",
    summary="HMAC-SHA256 of `v2:timestamp:body` with the API secret, `X-Pinwheel-Signature: v2=<hex>`; 300 s",
    verify=Hmac(
        header="X-Pinwheel-Signature",
        prefix="v2=",
        signed="v2:{timestamp}:{body}",
        timestamp="X-Timestamp",
        # Seconds: Pinwheel's example event carries `x-timestamp: 1609205925` (docs, Webhooks,
        # Webhook Event Handling). Pinwheel names no window: the contract's default 5 minutes.
        tolerance=300,
    ),
    event_type=json_field("event"),
    source=json_field("payload.end_user_id"),
    # Pinwheel documents no response deadline publicly: 10 s is a guess.
    timeout=10,
    retries=Retries(
        retries=None,
        schedule="unknown (no source found)",
        source="https://docs.pinwheelapi.com/docs/webhook-signature-verification",
    ),
)
