"""Sanity GROQ-powered webhooks: HMAC-SHA256 of `t.body`, `sanity-webhook-signature: t=<ms>,v1=<base64url>`."""

from __future__ import annotations

from shared.provider import Provider
from shared.schemes import Hmac, pairs

PROVIDER = Provider(
    id="sanity",
    docs="https://github.com/sanity-io/webhook-toolkit",
    summary="HMAC-SHA256 of `t.body`, `sanity-webhook-signature: t=<ms>,v1=<base64url>`; 300 s",
    # As @sanity/webhook's encodeSignatureHeader: millisecond timestamp, unpadded base64url.
    # The toolkit checks no age; ours is the contract's default 5 minutes.
    verify=Hmac(
        header="sanity-webhook-signature",
        claims=pairs(",", "v1", "t"),
        signed="{timestamp}.{body}",
        timestamp_unit="ms",
        encoding="base64url",
        layout="t={timestamp},v1={signature}",
    ),
)
