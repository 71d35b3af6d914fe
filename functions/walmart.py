"""Walmart Marketplace (performance webhooks): base64 HMAC-SHA256 in WM_SEC.SIGNATURE over
`METHOD\\nPATH?QUERY\\nWM_SEC.TIMESTAMP\\nhex SHA-256 of the body`."""

from __future__ import annotations

from shared.provider import Provider, Retries, header, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="walmart",
    docs="https://developer.walmart.com/us-marketplace/docs/security-and-authenticity",
    summary="HMAC-SHA256 of `method\\npath?query\\ntimestamp\\nsha256(body)`, `WM_SEC.SIGNATURE` (base64)",
    verify=Hmac(
        header="WM_SEC.SIGNATURE",
        encoding="base64",
        signed="{method}\n{path_query}\n{timestamp}\n{body_sha256}",
        timestamp="WM_SEC.TIMESTAMP",
    ),
    # One event type (SELLER_PERFORMANCE_NOTIFICATIONS); Walmart says to deduplicate by eventId.
    event_type=json_field("eventType"),
    delivery_id=json_field("eventId"),
    attributes={"key_id": header("WM_SEC.KEY_ID")},
    # Walmart documents no response deadline: 10 s assumed.
    timeout=10,
    retries=Retries(
        retries=True,
        on="any answer but 200",
        schedule="2 more tries (3 in all), interval not stated (supplier notifications page)",
        source="https://developer.walmart.com/suppliers/docs/notifications-what-you-should-know",
    ),
)
