"""HostedHooks: `HostedHooks-Signature: t=<unix>,s=<hex>`, HMAC-SHA256 of `<t>.<body>`."""

from __future__ import annotations

from shared.provider import Provider, Retries
from shared.schemes import Hmac, pairs

PROVIDER = Provider(
    id="hostedhooks",
    docs="https://docs.hostedhooks.com/security/security-features/webhook-signatures",
    summary="HMAC-SHA256 of `t.body`, `HostedHooks-Signature: t=..,s=<hex>`; 300 s",
    # The docs name the header by its Rack key, HTTP_HOSTEDHOOKS_SIGNATURE: on the wire, HostedHooks-Signature.
    # They leave the age window to the receiver: 300 s, the scheme's default.
    verify=Hmac(
        header="HostedHooks-Signature",
        claims=pairs(",", "s", "t"),
        signed="{timestamp}.{body}",
        layout="t={timestamp},s={signature}",
    ),
    # The payload is the sender's own JSON: no event type or id is read.
    # HostedHooks documents no response deadline: 10 s is a guess.
    timeout=10,
    retries=Retries(
        retries=None,
        schedule="unknown (no retry policy found)",
        source="https://docs.hostedhooks.com/security/security-features/webhook-signatures",
    ),
)
