"""Picqer: base64 HMAC-SHA256 of the body, keyed with the hook's secret, in X-Picqer-Signature."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="picqer",
    docs="https://github.com/picqer/picqer-php/blob/master/src/PicqerWebhook.php",
    summary="HMAC-SHA256 of the body, `X-Picqer-Signature: <base64>`; key: the hook's secret",
    # picqer-php's PicqerWebhook::retrieveWithSecret: base64(hash_hmac('sha256', body, secret, true)).
    # A hook created without a secret is sent unsigned: such hooks are refused here.
    verify=Hmac(header="X-Picqer-Signature", encoding="base64"),
    event_type=json_field("event"),
    # The payload (`idhook`, `name`, `event`, `data`, `event_triggered_at`) has no delivery id.
    source=json_field("idhook"),
    # Picqer documents no response deadline: 10 s is a guess.
    timeout=10,
    retries=Retries(
        retries=None,
        schedule="unknown (webhooks page read is silent)",
        source="https://picqer.com/en/api/webhooks",
    ),
)
