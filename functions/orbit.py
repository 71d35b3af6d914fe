"""Orbit (orbit.love): X-Orbit-Signature, either `sha256=<hex>` HMAC-SHA256 of the raw body with the
webhook's secret token, or the secret token itself."""

from __future__ import annotations

from shared.provider import Provider, Retries, header
from shared.schemes import Hmac, Token, either

PROVIDER = Provider(
    id="orbit",
    docs="https://docs.orbit.love/docs/webhooks",
    summary="`X-Orbit-Signature: sha256=<hex>` HMAC-SHA256 of the body, or the secret token itself; no timestamp",
    # The secret token is optional on Orbit's side; without one nothing can be verified, so this
    # receiver requires it. Orbit's pages name X-Orbit-Signature without saying how it is made:
    # an HMAC of the body (as Orbit's webhook page is quoted) or, as RedwoodJS's webhook docs
    # verify Orbit ("secretKeyVerifier"), the token itself. Both need the token; both verify,
    # the token compared in constant time.
    verify=either(Hmac(header="X-Orbit-Signature", prefix="sha256="), Token(header="X-Orbit-Signature")),
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
