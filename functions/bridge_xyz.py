"""Bridge (bridge.xyz): RSA-SHA256 over the SHA-256 of `t.body`, `X-Webhook-Signature: t=<ms>,v0=<b64>`, public key."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import PublicKey, pairs

PROVIDER = Provider(
    id="bridge_xyz",
    docs="https://apidocs.bridge.xyz/platform/additional-information/webhooks/signature",
    summary="RSA PKCS#1 v1.5 SHA-256 of SHA-256(`t.body`), `X-Webhook-Signature: t=<ms>,v0=<b64>`; public key; 600 s",
    # The per-endpoint verification key is public: the contract names it <ID>_PUBLIC_KEY: the
    # PEM as the dashboard shows it (pasted whole, newlines and all) or one line of base64 DER.
    secret="PUBLIC_KEY",
    verify=PublicKey(
        header="X-Webhook-Signature",
        algorithm="rsa",
        claims=pairs(",", "v0", "t"),
        signed="{timestamp}.{body}",
        timestamp_unit="ms",
        encoding="base64",
        # "Our signature generation is performed with two passes of hashing" (Bridge's test data).
        prehash=True,
        # Bridge: "disregard events that are older than a few minutes, e.g. 10 minutes".
        tolerance=600,
    ),
    event_type=json_field("event_type"),
    # A retry keeps its event id and gets a new timestamp and signature.
    delivery_id=json_field("event_id"),
    source=json_field("event_category"),
    # Bridge documents no response deadline: 10 s is a guess.
    timeout=10,
    retries=Retries(
        retries=True,
        on="non-200 or slow answer / endpoint down",
        schedule="automatic retries for up to 2 days, then manual redelivery",
        resigned=True,  # new timestamp for each retry (signature page)
        disables="retries stop; outstanding events resent after a manual Send event",
        source="https://apidocs.bridge.xyz/v1/docs/webhooks",
    ),
)
