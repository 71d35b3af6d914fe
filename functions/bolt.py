"""Bolt: base64 HMAC-SHA256 of the raw body with the merchant's signing secret, in X-Bolt-Hmac-Sha256."""

from __future__ import annotations

from shared.provider import Provider, Retries, header
from shared.schemes import Hmac

PROVIDER = Provider(
    id="bolt",
    docs="https://help.bolt.com/developers/webhooks/hook-verification/",
    summary="HMAC-SHA256 of the body with the signing secret, `X-Bolt-Hmac-Sha256: <b64>`",
    # Bolt's own Magento 2 plugin verifies exactly this (Boltpay\Helper\Hook). During a secret
    # rotation Bolt is reported to add X-Bolt-Hmac-Sha256-Pending, signed with the incoming key:
    # configure both secrets and either header verifies.
    verify=Hmac(header="X-Bolt-Hmac-Sha256", encoding="base64", also=("X-Bolt-Hmac-Sha256-Pending",)),
    # Bolt's trace id, present on the requests its plugins read; not a documented dedup key.
    attributes={"trace_id": header("X-Bolt-Trace-Id")},
    # Bolt documents no deadline publicly: 10 s is a guess.
    timeout=10,
    retries=Retries(
        retries=None,
        schedule="unknown (dashboard lists FAILED hooks; manual resend)",
        source="https://docs.bolt.com/developers/webhooks/webhook-failure-notifications/",
    ),
)
