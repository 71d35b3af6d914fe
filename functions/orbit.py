"""Orbit (orbit.love): hex HMAC-SHA256 of the raw body with the webhook's secret token,
`sha256=<hex>` in X-Orbit-Signature."""

from __future__ import annotations

from shared.provider import Provider, Retries, header
from shared.schemes import Hmac

PROVIDER = Provider(
    id="orbit",
    docs="https://docs.orbit.love/docs/webhooks",
    summary="HMAC-SHA256 of the body with the secret token, `X-Orbit-Signature: sha256=<hex>`; no timestamp",
    # The secret token is optional on Orbit's side; without one nothing can be verified, so this
    # receiver requires it.
    verify=Hmac(header="X-Orbit-Signature", prefix="sha256="),
    event_type=header("X-Orbit-Event-Type"),
    # X-Orbit-Event-Id: "a unique identifier for each alert delivery" (kept across attempts);
    # X-Orbit-Event names each attempt.
    delivery_id=header("X-Orbit-Event-Id"),
    # Orbit publishes no delivery timeout: the contract default.
    retries=Retries(
        retries=None,
        schedule="unknown (no source found)",
        source="https://docs.orbit.love/docs/webhooks",
    ),
)
