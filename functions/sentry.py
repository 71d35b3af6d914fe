"""Sentry (integration platform): HMAC-SHA256 of the raw body, hex, in Sentry-Hook-Signature."""

from __future__ import annotations

from shared.provider import Provider, Retries, header, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="sentry",
    docs="https://docs.sentry.io/integrations/integration-platform/webhooks/",
    summary="HMAC-SHA256 of the body with the client secret, `Sentry-Hook-Signature: <hex>`",
    # Sentry-Hook-Timestamp is not signed and has no documented window, so it proves nothing.
    verify=Hmac(header="Sentry-Hook-Signature"),
    event_type=header("Sentry-Hook-Resource"),
    delivery_id=header("Request-ID"),
    source=json_field("installation.uuid"),
    # Sentry allows 1 s, and 1,000 timeouts in 24 h unsubscribe the webhook
    # (sentry.io/changelog/2023-10-3-change-to-integration-platform-webhook-handling).
    timeout=1,
    retries=Retries(
        retries=True,
        on="timeout, connection error, 5xx (503/504 and others); 4xx not retried",
        schedule="task retry: max 3 retries, 5 min apart (getsentry/sentry code; docs silent)",
        disables="circuit breaker/broken-integration check can disable the app webhook",
        # Sentry's docs are silent: this is Sentry's own task code (not 'no retries', as an early provider note said)
        source="https://github.com/getsentry/sentry/blob/master/src/sentry/sentry_apps/tasks/sentry_apps.py",
    ),
)
