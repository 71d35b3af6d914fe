"""Bitbucket Cloud: HMAC-SHA256 of the raw body, hex, `sha256=` prefix, in X-Hub-Signature."""

from __future__ import annotations

from shared.provider import Provider, Retries, header
from shared.schemes import Hmac

PROVIDER = Provider(
    id="bitbucket",
    docs="https://support.atlassian.com/bitbucket-cloud/docs/manage-webhooks/",
    summary="HMAC-SHA256 of the body, `X-Hub-Signature: sha256=<hex>`",
    verify=Hmac(header="X-Hub-Signature", prefix="sha256="),
    event_type=header("X-Event-Key"),
    delivery_id=header("X-Request-UUID"),
    # Each hook receiving an event is its own delivery: the hook tells them apart.
    source=header("X-Hook-UUID"),
    retry=header("X-Attempt-Number"),
    timeout=10,
    retries=Retries(
        retries=True,
        on="5xx (timeouts/network errors: not stated in current docs)",
        schedule="up to 2 more attempts, near-immediate; X-Attempt-Number header",
        source="https://support.atlassian.com/bitbucket-cloud/docs/troubleshoot-webhooks/",
    ),
)
