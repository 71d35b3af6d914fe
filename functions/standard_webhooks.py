"""Standard Webhooks (Svix, Clerk, Resend, OpenAI...): HMAC-SHA256 of `id.timestamp.body`, base64."""

from __future__ import annotations

from collections.abc import Callable

from shared.provider import Provider, Read, Retries, header, json_field
from shared.schemes import Hmac, versioned, whsec

SPEC = "https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md"


def preset(
    id: str,
    *,
    docs: str = SPEC,
    prefix: str = "webhook",
    timeout: float = 15,
    summary: str = "",
    key: Callable[[bytes], bytes] = whsec,
    event_type: Read | None = None,
    retries: Retries,
) -> Provider:
    """A sender that speaks Standard Webhooks, under its own id, header prefix (`svix`) and deadline.

    `key` turns the configured secret into the HMAC key (the spec's `whsec_<base64>`, or the
    raw bytes for a sender whose secrets are not base64); `event_type` is where the body names it (default: `type`);
    `retries` is the sender's own policy (the spec leaves it to each).
    """
    return Provider(
        id=id,
        docs=docs,
        summary=summary or f"HMAC-SHA256 of `id.timestamp.body`, `{prefix}-signature: v1,<b64> ...`; 300 s",
        verify=Hmac(
            header=f"{prefix}-signature",
            claims=versioned("v1"),
            layout="v1,{signature}",
            encoding="base64",
            signed="{id}.{timestamp}.{body}",
            id=f"{prefix}-id",
            timestamp=f"{prefix}-timestamp",
            key=key,
        ),
        event_type=event_type or json_field("type"),
        delivery_id=header(f"{prefix}-id"),
        timeout=timeout,
        retries=retries,
    )


PROVIDER = preset(
    "standard_webhooks",
    retries=Retries(
        retries=None,
        on="sender decides; spec: non-2xx, 3xx, timeout, reset are failures",
        schedule="spec recommends exponential backoff with jitter over days (example ~75 h); sender decides",
        resigned=True,  # spec: attempt timestamp updated on each retry
        disables="spec: 410 disables endpoint; disable after long failure",
        source="https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md",
    ),
)
