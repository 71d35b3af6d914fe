"""Buildkite: `X-Buildkite-Signature: timestamp=..,signature=<hex>` over `timestamp.body`, or the plain token."""

from __future__ import annotations

from shared.provider import Provider, Retries, header
from shared.schemes import Hmac, Token, either, pairs

PROVIDER = Provider(
    id="buildkite",
    docs="https://buildkite.com/docs/apis/webhooks/pipelines",
    summary=(
        "HMAC-SHA256 of `timestamp.body` with the webhook token, "
        "`X-Buildkite-Signature: timestamp=..,signature=<hex>`; 300 s; or `X-Buildkite-Token`"
    ),
    # The webhook sends one or the other, as its Token setting says; the signature is the
    # safer choice. 300 s is the window Buildkite's docs suggest ("for example, 5 minutes").
    verify=either(
        Hmac(
            header="X-Buildkite-Signature",
            claims=pairs(",", "signature", "timestamp"),
            signed="{timestamp}.{body}",
            layout="timestamp={timestamp},signature={signature}",
        ),
        Token(header="X-Buildkite-Token"),
    ),
    event_type=header("X-Buildkite-Event"),
    retries=Retries(
        retries=None,
        schedule="unknown (no retry policy found in docs)",
        source="https://buildkite.com/docs/apis/webhooks/pipelines",
    ),
)
