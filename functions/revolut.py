"""Revolut (Business, Merchant, Ramp): hex HMAC-SHA256 of `v1.<ms timestamp>.<body>`,
`Revolut-Signature: v1=<hex>[,v1=<hex>]`, timestamp in Revolut-Request-Timestamp; 5 minutes."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac, pairs

PROVIDER = Provider(
    id="revolut",
    docs="https://developer.revolut.com/docs/guides/manage-accounts/webhooks/verify-the-payload-signature",
    summary="HMAC-SHA256 of `v1.<ms>.body`, `Revolut-Signature: v1=<hex>`; timestamp header (ms); 300 s",
    verify=Hmac(
        header="Revolut-Signature",
        # Several `v1=` entries while more than one signing secret is active.
        claims=pairs(",", "v1"),
        timestamp="Revolut-Request-Timestamp",
        timestamp_unit="ms",
        signed="v1.{timestamp}.{body}",
        layout="v1={signature}",
        # "within a 5-minute time tolerance of the current universal time".
        tolerance=300.0,
    ),
    # Business: `{"event": "TransactionStateChanged", "timestamp": .., "data": {..}}`;
    # Merchant: `{"event": "ORDER_COMPLETED", "order_id": ..}`. Revolut documents no delivery id.
    event_type=json_field("event"),
    retries=Retries(
        retries=True,
        on="HTTP error answer (Merchant API: or timeout)",
        schedule="3 more tries, 10 min apart (~30 min)",
        disables="unknown (failed events listable via API)",
        source="https://developer.revolut.com/docs/business/webhooks-v-2",
    ),
)
