"""Scrapfly: upper-case hex HMAC-SHA256 of the body in X-Scrapfly-Webhook-Signature (the same value,
lower case, in X-Scrapfly-Webhook-Signature-Lowercase); the unsigned creation ping answered 200."""

from __future__ import annotations

from shared.delivery import Delivery
from shared.provider import Answer, Provider, Retries, header
from shared.schemes import Hmac, Inflated


def ping(delivery: Delivery) -> Answer | None:
    """The unsigned `ping` sent while a webhook is being created: 200, never published."""
    # scrapfly-sdk's create_server answers it the same way and never hands its body on.
    if delivery.header("X-Scrapfly-Webhook-Resource-Type") != "ping":
        return None
    if delivery.header("X-Scrapfly-Webhook-Signature") or delivery.header("X-Scrapfly-Webhook-Signature-Lowercase"):
        return None  # a signed ping is verified and published like any delivery
    return Answer()


PROVIDER = Provider(
    id="scrapfly",
    docs="https://scrapfly.io/docs/scrape-api/webhook",
    summary="HMAC-SHA256 of the body, `X-Scrapfly-Webhook-Signature: <HEX>`; the unsigned ping answered",
    # scrapfly-sdk's ResponseBodyHandler.verify: HMAC-SHA256 keyed with the secret as shown in the
    # dashboard (UTF-8), hex compared case-insensitively. Not handled: `alert` webhooks (signed over
    # `<X-Scrapfly-Webhook-Timestamp>.<body>`).
    # A Content-Encoded body is signed before compression: ResponseBodyHandler.read decompresses,
    # then verifies. gzip and deflate are inflated (bounded); its br and zstd are refused (401).
    verify=Inflated(
        verify=Hmac(header="X-Scrapfly-Webhook-Signature", also=("X-Scrapfly-Webhook-Signature-Lowercase",)),
        encodings=("gzip", "deflate"),
    ),
    attributes={"content-encoding": header("Content-Encoding")},
    challenge=ping,
    event_type=header("X-Scrapfly-Webhook-Resource-Type"),
    # Scrapfly documents no response deadline: 10 s is a guess.
    timeout=10,
    retries=Retries(
        retries=True,
        on="cannot reach endpoint, any 4xx or 5xx (3xx followed)",
        schedule="6 retries: 30 s, 1 min, 5 min, 30 min, 1 h, 1 day",
        disables="disabled after >100 consecutive failures; owner notified",
        source="https://scrapfly.io/docs/scrape-api/webhook",
    ),
)
