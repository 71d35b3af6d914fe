"""Go1: HMAC-SHA256 of `t.body`, hex, `t=..,v1=..` in go1-signature; 60 seconds."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac, pairs

PROVIDER = Provider(
    id="go1",
    docs="https://developers.go1.com/docs/developer-tools/webhooks/security/#Signatures",
    summary="HMAC-SHA256 of `t.body`, `go1-signature: t=..,v1=<hex>`; 60 s",
    verify=Hmac(
        header="go1-signature",
        claims=pairs(",", "v1", "t"),
        signed="{timestamp}.{body}",
        layout="t={timestamp},v1={signature}",
        # go1com/webhook-verifier-js src/config.ts: timestampToleranceInSeconds defaults to 60.
        tolerance=60,
    ),
    # Event objects: {id, event_type, webhook_version, sent, attempt_number, url, webhook_id, data}.
    event_type=json_field("event_type"),
    delivery_id=json_field("id"),
    source=json_field("webhook_id"),
    retry=json_field("attempt_number"),
    # Go1 publishes no delivery timeout: the contract default.
    retries=Retries(
        retries=None,
        schedule="unknown (no retry policy found)",
        source="https://developers.go1.com/docs/developer-tools/webhooks/security/",
    ),
)
