"""Signers for providers whose SDK does not sign: generic libraries used as each provider documents.

Kept beside tests/signers.py (which imports every sample while it loads) so that
samples can import these without a cycle.
"""

from __future__ import annotations

import base64
import hmac
from collections.abc import Callable
from datetime import UTC, datetime

from tests.signers import Sign


def documented(
    secret: str,
    headers: Callable[[str, int], dict[str, str]],
    *,
    message: Callable[[bytes, int], bytes] = lambda body, now: body,
    algorithm: str = "sha256",
    encoding: str = "hex",
) -> Sign:
    """Python's hmac used exactly as the provider's docs describe, where no SDK signs.

    `message` builds the signed bytes and `headers` lays the signature out, each
    spelled in the sample as the provider documents it.
    """

    def sign(body: bytes, now: int) -> dict[str, str]:
        digest = hmac.new(secret.encode(), message(body, now), algorithm).digest()
        return headers(digest.hex() if encoding == "hex" else base64.b64encode(digest).decode(), now)

    return sign


def svix(secret: str, msg_id: str, prefix: str = "svix") -> Sign:
    """Svix's own Webhook.sign, headers under `prefix` (Clerk, Resend and other Svix senders)."""

    def sign(body: bytes, now: int) -> dict[str, str]:
        from svix.webhooks import Webhook

        signature = Webhook(secret).sign(msg_id, datetime.fromtimestamp(now, UTC), body.decode())
        return {f"{prefix}-id": msg_id, f"{prefix}-timestamp": str(now), f"{prefix}-signature": signature}

    return sign
