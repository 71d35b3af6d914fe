"""Polar: Standard Webhooks in `webhook-*` headers, keyed with the secret's own bytes.

Polar's secrets are not `whsec_<base64>`: polar-sdk's `validate_event` base64-encodes the
secret before handing it to the standardwebhooks library, so the HMAC key is the secret as is.
"""

from __future__ import annotations

from functions.standard_webhooks import preset
from shared.provider import Retries


def as_is(secret: bytes) -> bytes:
    """The configured secret is the HMAC key, byte for byte."""
    return secret


# Polar counts a delivery as failed without a 2xx within 10 s.
PROVIDER = preset(
    "polar",
    docs="https://polar.sh/docs/integrate/webhooks/delivery",
    timeout=10,
    key=as_is,
    retries=Retries(
        retries=True,
        on="non-2xx (3xx too), timeout, connection or TLS error",
        schedule="exponential, up to 10 retries",
        disables="endpoint disabled after 10 consecutive failed deliveries; admins emailed",
        source="https://polar.sh/docs/integrate/webhooks/delivery",
    ),
)
