"""Clerk: Standard Webhooks sent by Svix, in `svix-id`, `svix-timestamp` and `svix-signature`."""

from __future__ import annotations

from functions.standard_webhooks import preset
from shared.provider import Retries

# Clerk delivers through Svix, which answers a delivery within 15 s or retries it.
PROVIDER = preset(
    "clerk",
    docs="https://clerk.com/docs/references/backend/verify-webhook",
    prefix="svix",
    timeout=15,
    retries=Retries(
        retries=True,
        on="non-2xx within 15 s (3xx counts as failure)",
        schedule="Svix: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (~27 h)",
        resigned=True,  # Svix timestamp is the attempt time (svix.com/receiving/verifying-payloads/why)
        disables="yes: endpoint disabled after 5 days of all attempts failing (Svix)",
        source="https://docs.svix.com/retries",
    ),
)
