"""FusionAuth: a JWT in X-FusionAuth-Signature-JWT, signed with a Key Master key, whose
`request_body_sha256` claim is the body's SHA-256 in base64."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import JwtBodyHash

PROVIDER = Provider(
    id="fusionauth",
    docs="https://fusionauth.io/docs/extend/events-and-webhooks/signing",
    summary="JWT (HMAC, RSA or EC key) in `X-FusionAuth-Signature-JWT`, claim `request_body_sha256=<b64 body hash>`",
    verify=JwtBodyHash(
        header="X-FusionAuth-Signature-JWT",
        claim="request_body_sha256",
        # The algorithms of Key Master's HMAC, RSA and EC keys; the configured key decides which
        # of them can verify (an HMAC secret, or the public key as one-line base64 DER).
        algorithms=("HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512"),
        encoding="base64",
    ),
    event_type=json_field("event.type"),
    delivery_id=json_field("event.id"),
    source=json_field("event.tenantId"),
    # The read timeout is set per webhook (FusionAuth's examples use 2,000 ms).
    timeout=2,
    retries=Retries(
        retries=True,
        on="non-2xx or timeout",
        schedule="up to 3 more attempts, then logged to the system log",
        source="https://mta-sts.fusionauth.io/community/forum/topic/2729/what-is-the-webhook-guarantee/2",  # forum
    ),
)
