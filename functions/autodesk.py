"""Autodesk Platform Services: hex HMAC-SHA1 of the body, `x-adsk-signature: sha1hash=<hex>`."""

from __future__ import annotations

from shared.provider import Provider
from shared.schemes import Hmac

PROVIDER = Provider(
    id="autodesk",
    docs="https://aps.autodesk.com/en/docs/webhooks/v1/tutorials/how-to-verify-payload-signature/",
    summary="HMAC-SHA1 of the body with the secret token, `x-adsk-signature: sha1hash=<hex>`",
    verify=Hmac(header="x-adsk-signature", algorithm="sha1", prefix="sha1hash="),
)
