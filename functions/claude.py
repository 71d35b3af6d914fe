"""Claude (Anthropic) Managed Agents: Standard Webhooks in `webhook-id`, `webhook-timestamp` and
`webhook-signature` (anthropic-sdk-python `beta.webhooks.unwrap` verifies with standardwebhooks)."""

from __future__ import annotations

from functions.standard_webhooks import preset
from shared.provider import Retries, json_field

# The envelope's `type` is always `event`; `data.type` names it (`session.status_idled`).
# No delivery deadline is published: the contract's default 10 s.
PROVIDER = preset(
    "claude",
    docs="https://platform.claude.com/docs/en/managed-agents/webhooks",
    timeout=10,
    event_type=json_field("data.type"),
    retries=Retries(
        retries=True,
        on="non-2xx (3xx counts as failure)",
        source="https://hookdeck.com/webhooks/platforms/guide-to-claude-webhooks-features-and-best-practices",
    ),
)
