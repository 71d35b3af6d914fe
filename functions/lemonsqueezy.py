"""Lemon Squeezy: HMAC-SHA256 of the raw body, hex, in X-Signature."""

from __future__ import annotations

from shared.provider import Provider, Retries, header
from shared.schemes import Hmac

PROVIDER = Provider(
    id="lemonsqueezy",
    docs="https://docs.lemonsqueezy.com/help/webhooks/signing-requests",
    summary="HMAC-SHA256 of the body, `X-Signature: <hex>`",
    verify=Hmac(header="X-Signature"),
    event_type=header("X-Event-Name"),
    timeout=10,
    retries=Retries(
        retries=None,
        schedule="unknown (retry policy not found)",
        source="https://docs.lemonsqueezy.com/help/webhooks/signing-requests",
    ),
)
