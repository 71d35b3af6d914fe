"""Pipedrive: no signature; the webhook's `http_auth_user`/`http_auth_password` sent as HTTP Basic."""

from __future__ import annotations

from shared.provider import Provider
from shared.schemes import BasicAuth

PROVIDER = Provider(
    id="pipedrive",
    docs="https://pipedrive.readme.io/docs/guide-for-webhooks",
    summary="HTTP Basic auth, `PIPEDRIVE_WEBHOOK_SECRET` = `user:password`",
    verify=BasicAuth(),
)
