"""Google Gemini API (static, project-level webhooks): Standard Webhooks in `webhook-id`,
`webhook-timestamp` and `webhook-signature`, keyed by the webhook's `whsec_` signing secret.

Dynamic (per-request) webhooks put an RS256 JWT in `webhook-signature` instead; they carry no
`v1,` entry, so they are refused here (401) rather than half-verified.
"""

from __future__ import annotations

from functions.standard_webhooks import preset
from shared.provider import Retries

# The body names the event in `type` (`batch.succeeded`, `video.generated`, ...).
# No delivery deadline is published: the contract's default 10 s.
PROVIDER = preset(
    "gemini",
    docs="https://ai.google.dev/gemini-api/docs/webhooks",
    timeout=10,
    retries=Retries(
        retries=True,
        on="non-2xx, timeout or server down",
        schedule="exponential backoff for up to 24 h (at-least-once)",
        source="https://hookdeck.com/webhooks/platforms/guide-to-gemini-webhooks-features-and-best-practices",
    ),
)
