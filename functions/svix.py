"""Svix: Standard Webhooks under the `svix-` prefix (`svix-id`, `svix-timestamp`, `svix-signature`)."""

from __future__ import annotations

from functions.standard_webhooks import preset

# Svix expects a 2xx "within a reasonable time-frame (e.g. 15s with Svix)" (svix.com receiving guides).
PROVIDER = preset(
    "svix", docs="https://docs.svix.com/receiving/verifying-payloads/how-manual", prefix="svix", timeout=15
)
