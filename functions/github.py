"""GitHub: HMAC-SHA256 of the raw body, hex, `sha256=` prefix, in X-Hub-Signature-256."""

from __future__ import annotations

from shared.delivery import Delivery
from shared.provider import EMPTY_200, Answer, Provider, Retries, header
from shared.schemes import Hmac


def ping(delivery: Delivery) -> Answer | None:
    """The `ping` GitHub sends when a hook is created: acknowledged, not published."""
    return EMPTY_200 if delivery.header("X-GitHub-Event") == "ping" else None


def hook(delivery: Delivery) -> str | None:
    """Every hook receiving an event gets the same delivery id; the hook id tells them apart."""
    hook_id = delivery.header("X-GitHub-Hook-ID")
    return f"hooks/{hook_id}" if hook_id else None


PROVIDER = Provider(
    id="github",
    docs="https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries",
    summary="HMAC-SHA256 of the body, `X-Hub-Signature-256: sha256=<hex>`",
    verify=Hmac(header="X-Hub-Signature-256", prefix="sha256="),
    event_type=header("X-GitHub-Event"),
    delivery_id=header("X-GitHub-Delivery"),
    source=hook,
    handshake=ping,
    timeout=10,
    retries=Retries(
        retries=False,
        schedule="none automatic; manual or API redelivery of failed deliveries (10 s timeout)",
        source="https://docs.github.com/en/webhooks/using-webhooks/handling-failed-webhook-deliveries",
    ),
)
