"""SHOPLINE Open Platform: HMAC-SHA256 of the raw body with the app secret in X-Shopline-Hmac-Sha256,
hex (official Go SDK) or base64 (the docs' header example): either verifies."""

from __future__ import annotations

from shared.provider import Provider, Retries, header
from shared.schemes import Hmac, either

PROVIDER = Provider(
    id="shopline",
    docs="https://developer.shopline.com/docs/apps/api-instructions-for-use/webhooks/overview",
    summary="HMAC-SHA256 of the body with the app secret, `X-Shopline-Hmac-Sha256: <hex or b64>`",
    # SHOPLINE's Go SDK (shoplineos/shopline-sdk-go client/webhook_client.go, VerifyAndDecode)
    # compares the hex digest, and its test is a published vector; the docs' header table shows
    # a base64-looking example. Both are the same MAC with the same key, so either verifies.
    # (SHOPLINE's older Open API at shopline-developers.readme.io signs a `sign` query
    # parameter over a re-serialized body instead: a different product, not this one.)
    verify=either(
        Hmac(header="X-Shopline-Hmac-Sha256", encoding="hex"),
        Hmac(header="X-Shopline-Hmac-Sha256", encoding="base64"),
    ),
    event_type=header("X-Shopline-Topic"),
    # "Unique ID of the webhook message, remains unchanged when the message is resent."
    delivery_id=header("X-Shopline-Webhook-Id"),
    source=header("X-Shopline-Shop-Id"),
    # SHOPLINE's overview gives no response deadline in the stored copies: the contract's 10 s.
    timeout=10,
    retries=Retries(
        retries=True,
        on="unknown (docs: at-least-once delivery)",
        source="https://shopline-developers.readme.io/docs/remarks",
    ),
)
