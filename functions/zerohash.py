"""Zero Hash: hex HMAC-SHA256 of body + x-zh-hook-timestamp (ms) with the webhook token, in
x-zh-hook-signature (token signing, the replay-protected headers)."""

from __future__ import annotations

from shared.provider import Provider, Retries, header
from shared.schemes import Hmac

PROVIDER = Provider(
    id="zerohash",
    docs="https://docs.zerohash.com/reference/webhook-security",
    summary="HMAC-SHA256 of `body + x-zh-hook-timestamp` with the token, `x-zh-hook-signature: <hex>`; 300 s (ms)",
    # `to_hex(hmac(sha256(payload + timestamp), your-secret))`, the timestamp in UNIX
    # milliseconds (docs.zerohash.com: webhook-security, and the tokenization guide's webhook
    # headers). The body-only `x-zh-hook-signature-256` was deprecated on 2025-08-12
    # (changelog) and has no replay protection, so it is not accepted; RSA signing
    # (`x-zh-hook-rsa-signature`) is not supported here. The docs' window is cut off in every
    # stored copy: the contract's 300 s.
    verify=Hmac(
        header="x-zh-hook-signature",
        timestamp="x-zh-hook-timestamp",
        timestamp_unit="ms",
        signed="{body}{timestamp}",
    ),
    event_type=header("x-zh-hook-payload-type"),
    # "Unique identifier for the notification. Use for idempotency checks."
    delivery_id=header("x-zh-hook-notification-id"),
    # Zero Hash documents no response deadline: the contract's 10 s.
    timeout=10,
    retries=Retries(
        retries=True,
        on="failure to deliver (codes not stated)",
        schedule="up to 5 more attempts, 250 ms apart (~1.25 s in all)",
        source="https://docs.zerohash.com/reference/payments-1",
    ),
)
