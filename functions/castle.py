"""Castle: base64 HMAC-SHA256 of the raw body with the API secret, in X-Castle-Signature."""

from __future__ import annotations

from shared.provider import Provider, Retries
from shared.schemes import Hmac

PROVIDER = Provider(
    id="castle",
    docs="https://docs.castle.io/docs/webhooks",
    summary="HMAC-SHA256 of the body with the API secret, `X-Castle-Signature: <b64>`",
    # As castle-python's WebhooksVerify: the hex digest turned back into bytes, then base64.
    verify=Hmac(header="X-Castle-Signature", encoding="base64"),
    retries=Retries(
        retries=None,
        schedule="unknown (no retry policy found)",
        source="https://docs.castle.io/docs/webhooks",
    ),
)
