"""Autodesk Platform Services: hex HMAC-SHA1 of the body, `x-adsk-signature: sha1hash=<hex>`."""

from __future__ import annotations

from shared.provider import Provider, Retries
from shared.schemes import Hmac

PROVIDER = Provider(
    id="autodesk",
    docs="https://aps.autodesk.com/en/docs/webhooks/v1/tutorials/how-to-verify-payload-signature/",
    summary="HMAC-SHA1 of the body with the secret token, `x-adsk-signature: sha1hash=<hex>`",
    verify=Hmac(header="x-adsk-signature", algorithm="sha1", prefix="sha1hash="),
    retries=Retries(
        retries=True,
        on="non-2xx or no answer within 6 s",
        schedule="4 retries, last at least 48 h after first",
        disables="yes: hook disabled after last retry fails (re-enable by PATCH)",
        source="https://aps.autodesk.com/en/docs/webhooks/v1/overview/basics",
    ),
)
