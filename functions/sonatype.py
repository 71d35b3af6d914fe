"""Sonatype Nexus Repository: hex HMAC-SHA1 of the body with the secret key, in X-Nexus-Webhook-Signature."""

from __future__ import annotations

from shared.provider import Provider, Retries, header
from shared.schemes import Hmac

PROVIDER = Provider(
    id="sonatype",
    docs="https://help.sonatype.com/en/enabling-a-repository-webhook-capability.html",
    summary="HMAC-SHA1 of the body with the capability's secret key, `X-Nexus-Webhook-Signature: <hex>`",
    verify=Hmac(header="X-Nexus-Webhook-Signature", algorithm="sha1"),
    # `rm:repository:asset`, `rm:global:audit`, ... (help.sonatype.com, example headers and payloads).
    event_type=header("X-Nexus-Webhook-Id"),
    delivery_id=header("X-Nexus-Webhook-Delivery"),
    retries=Retries(
        retries=None,
        schedule="unknown (webhook capability pages read are silent)",
        source="https://help.sonatype.com/en/enabling-a-repository-webhook-capability.html",
    ),
)
