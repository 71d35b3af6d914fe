"""GitLab: the hook's secret token sent as is in X-Gitlab-Token (no HMAC)."""

from __future__ import annotations

from shared.provider import Provider, Retries, first, header
from shared.schemes import Token

PROVIDER = Provider(
    id="gitlab",
    docs="https://docs.gitlab.com/user/project/integrations/webhooks/",
    summary="the secret token, `X-Gitlab-Token: <secret>`",
    verify=Token(header="X-Gitlab-Token"),
    event_type=header("X-Gitlab-Event"),
    # Idempotency-Key (GitLab 17.4+) stays the same across retries; X-Gitlab-Event-UUID
    # is per triggering event (gitlab-org/gitlab!160952).
    delivery_id=first(header("Idempotency-Key"), header("X-Gitlab-Event-UUID")),
    source=header("X-Gitlab-Webhook-UUID"),
    timeout=10,
    retries=Retries(
        retries=None,
        on="not documented (old PR: non-2xx was fire-and-forget; manual resend in UI/API)",
        disables="yes: after 4 consecutive failures disabled with backoff 1 min..24 h; permanent after 40 (17.11+)",
        source="https://hookdeck.com/webhooks/platforms/how-to-solve-gitlab-automatic-webhook-disabling",
    ),
)
