"""WooCommerce: base64 HMAC-SHA256 of the raw body in X-WC-Webhook-Signature; the unsigned ping."""

from __future__ import annotations

import re

from shared.delivery import Delivery
from shared.provider import Answer, Provider, Retries, header
from shared.schemes import Hmac

SIGNATURE = "X-WC-Webhook-Signature"
_PING = re.compile(rb"webhook_id=\d+")


def ping(delivery: Delivery) -> Answer | None:
    """The unsigned `webhook_id=<n>` POST sent when a webhook is saved: 200, never published."""
    # WC_Webhook::deliver_ping() posts only this body, with no signature, and refuses
    # to activate the webhook unless it gets a 200.
    if delivery.method != "POST" or delivery.header(SIGNATURE) or not _PING.fullmatch(delivery.body):
        return None
    return Answer()


PROVIDER = Provider(
    id="woocommerce",
    docs="https://woocommerce.github.io/woocommerce-rest-api-docs/#webhooks",
    summary="HMAC-SHA256 of the body, `X-WC-Webhook-Signature: <base64>`; the unsigned ping answered",
    verify=Hmac(header=SIGNATURE, encoding="base64"),
    event_type=header("X-WC-Webhook-Topic"),
    delivery_id=header("X-WC-Webhook-Delivery-ID"),
    source=header("X-WC-Webhook-Source"),
    challenge=ping,
    attributes={"webhook_id": header("X-WC-Webhook-ID")},
    # WC_Webhook::deliver() waits MINUTE_IN_SECONDS for an answer.
    timeout=60,
    retries=Retries(
        retries=False,
        on="a failed delivery is only counted, not re-sent",
        disables="disabled after >5 consecutive failures (non-2xx/301/302); filter can raise limit",
        source="https://hooks.wbcomdesigns.com/reference/classes/wc_webhook/failed_delivery",
    ),
)
