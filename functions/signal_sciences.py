"""Signal Sciences (Fastly Next-Gen WAF) generic webhooks: hex HMAC-SHA256 of the body in X-SigSci-Signature."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="signal_sciences",
    docs="https://www.fastly.com/documentation/guides/next-gen-waf/integrations/generic-webhooks/",
    summary="HMAC-SHA256 of the body, `X-SigSci-Signature: <hex>`",
    # "an HMAC-SHA256 hex digest of the generic webhook payload using the signing key".
    verify=Hmac(header="X-SigSci-Signature"),
    event_type=json_field("type"),
    # The notification carries no delivery id (`payload.ID` names the changed object, not the delivery).
    # Fastly documents no response deadline: 10 s is a guess.
    timeout=10,
    retries=Retries(
        retries=None,
        schedule="unknown (generic webhooks guide read is silent)",
        source="https://www.fastly.com/documentation/guides/next-gen-waf/integrations/generic-webhooks/",
    ),
)
