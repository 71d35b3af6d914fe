"""Nuvemshop / Tiendanube: HMAC-SHA256 of the raw body with the app's secret in
X-Linkedstore-Hmac-Sha256, hex (API docs) or base64 (official PHP SDK): either verifies."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac, either

PROVIDER = Provider(
    id="nuvemshop",
    docs="https://tiendanube.github.io/api-documentation/resources/webhook",
    summary="HMAC-SHA256 of the body with the app secret, `X-Linkedstore-Hmac-Sha256: <hex or b64>`",
    # Nuvemshop's two own sources disagree on the encoding: the API docs (TiendaNube/api-docs,
    # resources/webhook/index.md) compare PHP's hex `hash_hmac('sha256', $data, APP_SECRET)`,
    # the official SDK (TiendaNube/tiendanube-php-sdk, src/Webhooks/Registry.php) the base64 of
    # the raw digest. Both are the same MAC with the same key, so accepting either costs nothing.
    verify=either(
        Hmac(header="X-Linkedstore-Hmac-Sha256", encoding="hex"),
        Hmac(header="X-Linkedstore-Hmac-Sha256", encoding="base64"),
    ),
    # Every body carries `store_id` and `event`, plus `id` of the resource (not of the delivery).
    event_type=json_field("event"),
    source=json_field("store_id"),
    # "A webhook notification expects a 200 status code in response (40 seconds timeout)."
    timeout=40,
    retries=Retries(
        retries=None,
        on="unknown (docs: messages may be sent more than once)",
        source="https://tiendanube.github.io/api-documentation/resources/webhook",
    ),
)
