"""Sanity GROQ-powered webhooks: HMAC-SHA256 of `t.body`, `sanity-webhook-signature: t=<ms>,v1=<base64url>`."""

from __future__ import annotations

from shared.provider import Provider, Retries
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
    retries=Retries(
        retries=True,
        on="429 or 5xx",
        schedule="twice at 30 s intervals (since 2026-04; before: exp. backoff over 30 min)",
        source="https://www.sanity.io/docs/changelog/50ec6abf-fe0c-475b-ae72-314148860132.md",
    ),
)
