"""Airtable: `X-Airtable-Content-MAC: hmac-sha256=<hex>` of the body, keyed by the decoded macSecretBase64."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac, base64_key

PROVIDER = Provider(
    id="airtable",
    docs="https://airtable.com/developers/web/api/webhooks-overview#webhook-notification-delivery",
    summary="HMAC-SHA256 of the body, `X-Airtable-Content-MAC: hmac-sha256=<hex>`; key: the base64 `macSecretBase64`",
    # The key is the webhook's `macSecretBase64`, as configured, decoded.
    verify=Hmac(header="X-Airtable-Content-MAC", prefix="hmac-sha256=", key=base64_key),
    # A thin ping: the changes themselves are fetched with "list webhook payloads".
    source=json_field("webhook.id"),
    time=json_field("timestamp"),
    attributes={"base_id": json_field("base.id")},
    retries=Retries(
        retries=True,
        on="unknown (failed ping; notification has retryNumber/willBeRetried)",
        source="https://airtable.com/developers/web/api/model/webhooks-notification",
    ),
)
