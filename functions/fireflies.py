"""Fireflies.ai: HMAC-SHA256 of the raw body, hex, in `X-Hub-Signature` (`sha256=<hex>` in
Webhooks V2, the bare hex digest in the legacy V1)."""

from __future__ import annotations

from shared.provider import Provider, Retries, first, json_field
from shared.schemes import Claim, Hmac


def fireflies_claims(value: str) -> Claim:
    """`sha256=<hex>` (Webhooks V2) or `<hex>` (V1): the same HMAC, with or without the prefix."""
    return Claim(signatures=(value.strip().removeprefix("sha256="),))


PROVIDER = Provider(
    id="fireflies",
    docs="https://docs.fireflies.ai/graphql-api/webhooks-v2",
    summary="HMAC-SHA256 of the body, `X-Hub-Signature: sha256=<hex>` (V2) or `<hex>` (V1); no timestamp",
    verify=Hmac(header="X-Hub-Signature", claims=fireflies_claims, layout="sha256={signature}"),
    # V2 names the event in `event` (`meeting.transcribed`), V1 in `eventType`.
    event_type=first(json_field("event"), json_field("eventType")),
    # V2 deliveries must be acknowledged within 10 seconds (Webhooks V2 docs).
    timeout=10,
    retries=Retries(
        retries=None,
        schedule="unknown (no retry policy in webhooks v2 docs)",
        source="https://docs.fireflies.ai/graphql-api/webhooks-v2",
    ),
)
