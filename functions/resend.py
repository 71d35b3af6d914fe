"""Resend: Standard Webhooks sent by Svix, in `svix-id`, `svix-timestamp` and `svix-signature`."""

from __future__ import annotations

from functions.standard_webhooks import preset

PROVIDER = preset("resend", docs="https://resend.com/docs/webhooks/verify-webhooks-requests", prefix="svix", timeout=15)
