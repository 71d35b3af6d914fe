"""Paddle Billing: HMAC-SHA256 of `ts:body`, hex, Paddle-Signature `ts=..;h1=..`, 5-second tolerance."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac, pairs

PROVIDER = Provider(
    id="paddle",
    docs="https://developer.paddle.com/webhooks/signature-verification",
    summary="HMAC-SHA256 of `ts:body`, `Paddle-Signature: ts=..;h1=..`; 5 s",
    verify=Hmac(
        header="Paddle-Signature",
        claims=pairs(";", "h1", "ts"),
        signed="{timestamp}:{body}",
        layout="ts={timestamp};h1={signature}",
        # The official SDKs' default (paddle-python-sdk Verifier(maximum_variance=5)); retries are re-signed.
        tolerance=5,
    ),
    event_type=json_field("event_type"),
    # Per destination, kept across retries; event_id is shared by every destination.
    delivery_id=json_field("notification_id"),
    timeout=5,
    retries=Retries(
        retries=True,
        on="non-200 or no answer within 5 s",
        schedule="live: exponential, up to 60 retries over 3 days; sandbox fewer",
        source="https://developer.paddle.com/webhooks/about/respond-to-webhooks",
    ),
)
