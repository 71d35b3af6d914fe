"""OpenAI: Standard Webhooks in `webhook-id`, `webhook-timestamp` and `webhook-signature` (openai-python)."""

from __future__ import annotations

from functions.standard_webhooks import preset
from shared.provider import Retries

PROVIDER = preset(
    "openai",
    docs="https://platform.openai.com/docs/guides/webhooks",
    timeout=15,
    retries=Retries(
        retries=True,
        on="non-2xx (3xx too)",
        schedule="exponential backoff for up to 72 h (Hookdeck guide; OpenAI page not read)",
        source="https://hookdeck.com/webhooks/platforms/guide-to-openai-webhooks-features-and-best-practices",
    ),
)
