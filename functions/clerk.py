"""Clerk: Standard Webhooks sent by Svix, in `svix-id`, `svix-timestamp` and `svix-signature`."""

from __future__ import annotations

from functions.standard_webhooks import preset

# Clerk delivers through Svix, which answers a delivery within 15 s or retries it.
PROVIDER = preset("clerk", docs="https://clerk.com/docs/references/backend/verify-webhook", prefix="svix", timeout=15)
