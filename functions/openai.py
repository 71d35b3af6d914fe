"""OpenAI: Standard Webhooks in `webhook-id`, `webhook-timestamp` and `webhook-signature` (openai-python)."""

from __future__ import annotations

from functions.standard_webhooks import preset

PROVIDER = preset("openai", docs="https://platform.openai.com/docs/guides/webhooks", timeout=15)
