"""TikTok Shop (Partner API) webhooks: hex HMAC-SHA256 of `app_key + body`, keyed with the app
secret, as the whole `Authorization` header (no scheme word)."""

from __future__ import annotations

import hmac
import os

from shared.crypto import equal
from shared.delivery import Delivery
from shared.errors import NotConfigured, Unauthorized
from shared.provider import Provider, Retries, json_field
from shared.schemes import decode
from shared.secrets import Secrets

APP_KEY = "TIKTOK_SHOP_APP_KEY"


def verify(delivery: Delivery, secrets: Secrets) -> None:
    """`Authorization` against HMAC-SHA256(app secret, app key + raw body), hex."""
    app_key = os.environ.get(APP_KEY, "").strip()
    if not app_key:
        raise NotConfigured(APP_KEY)
    value = delivery.header("Authorization")
    if value is None:
        raise Unauthorized("missing_signature")
    claimed = decode(value.strip(), "hex")
    if not claimed:
        raise Unauthorized("bad_signature")
    message = app_key.encode("utf-8") + delivery.body
    if not any(equal(hmac.new(s.value, message, "sha256").digest(), claimed) for s in secrets):
        raise Unauthorized("bad_signature")


PROVIDER = Provider(
    id="tiktok_shop",
    # The Partner Center docs (sign-in only) had no public copy to cite a page of: the scheme is
    # read from EcomPHP/tiktokshop-php Webhook::verify, and easycb-go and Hookdeck's guide agree.
    docs="https://partner.tiktokshop.com/docv2",
    summary="HMAC-SHA256 of `app_key + body` with the app secret, `Authorization: <hex>`; "
    "`TIKTOK_SHOP_WEBHOOK_SECRET` is the app secret",
    verify=verify,
    variables=(APP_KEY,),
    # `type` is a number (1 order status change, 4 package update, ...); the body carries a
    # `timestamp` but no window is documented, so its age is not checked.
    event_type=json_field("type"),
    delivery_id=json_field("tts_notification_id"),
    source=json_field("shop_id"),
    # TikTok Shop documents no response deadline in any public copy: the contract default.
    timeout=10,
    retries=Retries(
        retries=None,
        schedule="unknown (3rd-party blog claims 3 retries at 30/60/120 s; official docs not read)",
        source="https://partner.tiktokshop.com/docv2",
    ),
)
