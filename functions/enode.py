"""Enode: hex HMAC-SHA1 of the raw body with the webhook's secret, `x-enode-signature: sha1=<hex>`."""

from __future__ import annotations

from shared.provider import Provider, Retries, first_item, header
from shared.schemes import Hmac

PROVIDER = Provider(
    id="enode",
    docs="https://developers.enode.com/docs/webhooks",
    summary="HMAC-SHA1 of the body with the webhook secret, `x-enode-signature: sha1=<hex>`",
    verify=Hmac(header="x-enode-signature", algorithm="sha1", prefix="sha1="),
    # A delivery is a JSON array of up to 100 events; the delivery has its own id in a header.
    event_type=first_item("event"),
    delivery_id=header("x-enode-delivery"),
    # Enode documents no response deadline in what we could read: 10 s is a guess.
    timeout=10,
    retries=Retries(
        retries=None,
        schedule="unknown (no retry policy found)",
        source="https://developers.enode.com/docs/webhooks",
    ),
)
