"""Frame.io: hex HMAC-SHA256 of `v0:<timestamp>:<body>`, `X-Frameio-Signature: v0=<hex>`; 5 minutes."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="frameio",
    docs="https://developer.frame.io/platform/v4/docs/guides/webhooks",
    summary="HMAC-SHA256 of `v0:timestamp:body`, `X-Frameio-Signature: v0=<hex>`, `X-Frameio-Request-Timestamp`; 300 s",
    verify=Hmac(
        header="X-Frameio-Signature",
        prefix="v0=",
        signed="v0:{timestamp}:{body}",
        timestamp="X-Frameio-Request-Timestamp",
    ),
    # `file.ready`, `comment.created`, ...; the body names the resource, not the delivery.
    event_type=json_field("type"),
    source=json_field("workspace.id"),
    # "A non-2xx status or >5 second timeout triggers the retry."
    timeout=5,
    retries=Retries(
        retries=None,
        on="non-200 or timeout counts as error (v2 docs; rest of sentence not read)",
        source="https://next.developer.frame.io/platform/v2/webhooks-overview",
    ),
)
