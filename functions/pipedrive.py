"""Pipedrive: no signature; the webhook's `http_auth_user`/`http_auth_password` sent as HTTP Basic."""

from __future__ import annotations

from shared.provider import Provider, Retries
from shared.schemes import BasicAuth

PROVIDER = Provider(
    id="pipedrive",
    docs="https://pipedrive.readme.io/docs/guide-for-webhooks",
    summary="HTTP Basic auth, `PIPEDRIVE_WEBHOOK_SECRET` = `user:password`",
    verify=BasicAuth(),
    retries=Retries(
        retries=True,
        on="non-2xx or no answer within 10 s",
        schedule="3 more tries after 3, 30 and 150 s",
        disables="10 first-try failures: banned 30 min (events lost); no success 3 days: webhook deleted",
        source="https://pipedrive.readme.io/docs/guide-for-webhooks",
    ),
)
