"""Airtable: `X-Airtable-Content-MAC: hmac-sha256=<hex>` of the body, keyed by the decoded macSecretBase64."""

from __future__ import annotations

import base64
import binascii

from shared.errors import Unauthorized
from shared.provider import Provider, json_field
from shared.schemes import Hmac


def mac_secret(secret: bytes) -> bytes:
    """The webhook's `macSecretBase64`, as configured, decoded to the HMAC key."""
    try:
        return base64.b64decode(secret.strip(), validate=True)
    except binascii.Error:
        raise Unauthorized("bad_secret_format") from None


PROVIDER = Provider(
    id="airtable",
    docs="https://airtable.com/developers/web/api/webhooks-overview#webhook-notification-delivery",
    summary="HMAC-SHA256 of the body, `X-Airtable-Content-MAC: hmac-sha256=<hex>`; key: the base64 `macSecretBase64`",
    verify=Hmac(header="X-Airtable-Content-MAC", prefix="hmac-sha256=", key=mac_secret),
    # A thin ping: the changes themselves are fetched with "list webhook payloads".
    source=json_field("webhook.id"),
    time=json_field("timestamp"),
    attributes={"base_id": json_field("base.id")},
)
