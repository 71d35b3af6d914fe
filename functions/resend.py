"""Resend: Standard Webhooks sent by Svix, in `svix-id`, `svix-timestamp` and `svix-signature`."""

from __future__ import annotations

from functions.standard_webhooks import preset
from shared.provider import Retries

PROVIDER = preset(
    "resend",
    docs="https://resend.com/docs/webhooks/verify-webhooks-requests",
    prefix="svix",
    timeout=15,
    retries=Retries(
        retries=True,
        on="non-2xx or timeout (Svix)",
        schedule="exponential: now, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (~27 h)",
        resigned=True,  # Svix: timestamp of each attempt
        disables="no retries once endpoint removed or disabled",
        source="https://resend.com/docs/webhooks/retries-and-replays",
    ),
)
