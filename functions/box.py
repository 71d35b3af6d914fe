"""Box: base64 HMAC-SHA256 of body + BOX-DELIVERY-TIMESTAMP, primary and secondary keys; 10 minutes."""

from __future__ import annotations

from shared.provider import Provider, Retries, header, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="box",
    docs="https://developer.box.com/guides/webhooks/v2/signatures-v2/",
    summary="HMAC-SHA256 of body + timestamp, `BOX-SIGNATURE-PRIMARY`/`-SECONDARY: <b64>`; 600 s",
    # BOX_WEBHOOK_SECRET holds the primary and secondary keys, comma separated: a key
    # rotation replaces one while the other still verifies (box-sdk-gen validate_message).
    verify=Hmac(
        header="BOX-SIGNATURE-PRIMARY",
        also=("BOX-SIGNATURE-SECONDARY",),
        encoding="base64",
        signed="{body}{timestamp}",
        timestamp="BOX-DELIVERY-TIMESTAMP",
        timestamp_unit="rfc3339",
        tolerance=600,
    ),
    event_type=json_field("trigger"),
    # BOX-DELIVERY-ID changes on each retry; the body `id` stays the same, so dedup on it.
    delivery_id=json_field("id"),
    source=json_field("webhook.id"),
    time=header("BOX-DELIVERY-TIMESTAMP"),
    retries=Retries(
        retries=True,
        on="no 2xx within 30 s",
        schedule="up to 12 retries over ~2 h (older page: 10, first after 5 min, exponential)",
        resigned=True,  # BOX-DELIVERY-ID and BOX-DELIVERY-TIMESTAMP are per send
        disables="yes: deleted when no successful delivery for 30 days (with failures)",
        source="https://developer.box.com/guides/webhooks/v2",
    ),
)
