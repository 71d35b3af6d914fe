"""MongoDB Atlas alert webhooks: base64 HMAC-SHA1 of the body with the webhook secret, in X-MMS-Signature."""

from __future__ import annotations

from shared.provider import Provider, Retries, header, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="mongodb",
    docs="https://www.mongodb.com/docs/atlas/tutorial/webhook-integration/",
    summary="HMAC-SHA1 of the body with the webhook secret, `X-MMS-Signature: <b64>`",
    verify=Hmac(header="X-MMS-Signature", algorithm="sha1", encoding="base64"),
    # `alert.open`, `alert.close`, `alert.update`, ...: one alert (body `id`) sends several, and
    # `alert.update` repeats, so no body field names one delivery; each gets a generated id.
    event_type=header("X-MMS-Event"),
    source=json_field("groupId"),
    retries=Retries(
        retries=None,
        on="unknown (open alerts re-notify per alert frequency; not a delivery retry)",
        source="https://www.mongodb.com/docs/atlas/tutorial/webhook-integration/",
    ),
)
