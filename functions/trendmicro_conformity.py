"""Trend Micro Cloud One Conformity: hex HMAC-SHA256 of the body, keyed with the webhook security token,
in X-Conformity-Signature (X-TrendMicro-Signature in Trend Micro's newer page)."""

from __future__ import annotations

from shared.provider import Provider, Retries
from shared.schemes import Hmac

PROVIDER = Provider(
    id="trendmicro_conformity",
    docs="https://cloudone.trendmicro.com/docs/conformity/webhook-communication/",
    summary="HMAC-SHA256 of the body, `X-Conformity-Signature: <hex>`; key: the webhook security token",
    # Both header names appear in Trend Micro's own pages for the same feature: either is accepted.
    verify=Hmac(header="X-Conformity-Signature", also=("X-TrendMicro-Signature",)),
    # The notification's fields are not documented next to the signature: no event type or id is read.
    # Trend Micro documents no response deadline: 10 s is a guess.
    timeout=10,
    retries=Retries(
        retries=None,
        schedule="unknown (webhook communication page read is silent)",
        source="https://cloudone.trendmicro.com/docs/conformity/webhook-communication/",
    ),
)
