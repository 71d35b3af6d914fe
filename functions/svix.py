"""Svix: Standard Webhooks under the `svix-` prefix (`svix-id`, `svix-timestamp`, `svix-signature`)."""

from __future__ import annotations

from functions.standard_webhooks import preset
from shared.provider import Retries

# Svix expects a 2xx "within a reasonable time-frame (e.g. 15s with Svix)" (svix.com receiving guides).
PROVIDER = preset(
    "svix",
    docs="https://docs.svix.com/receiving/verifying-payloads/how-manual",
    prefix="svix",
    timeout=15,
    retries=Retries(
        retries=True,
        on="non-2xx (3xx too) or no answer within 15 s",
        schedule="exponential: now, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (~27 h)",
        resigned=True,  # svix-timestamp is per attempt
        disables="endpoint disabled after failing continuously for 5 days",
        source="https://docs.svix.com/retries",
    ),
)
