"""Akeneo PIM Events API: hex HMAC-SHA256 of `<timestamp>.<body>` in X-Akeneo-Request-Signature,
the timestamp in X-Akeneo-Request-Timestamp."""

from __future__ import annotations

from shared.provider import Provider, Retries, first_item
from shared.schemes import Hmac

PROVIDER = Provider(
    id="akeneo",
    docs="https://api.akeneo.com/events-documentation/security.html",
    summary="HMAC-SHA256 of `timestamp.body`, `X-Akeneo-Request-Signature: <hex>`; 300 s",
    verify=Hmac(
        header="X-Akeneo-Request-Signature",
        timestamp="X-Akeneo-Request-Timestamp",
        signed="{timestamp}.{body}",
        # Akeneo suggests checking that the request "is not too old" without a window: 300 s is ours.
        tolerance=300,
    ),
    # A POST wraps up to 10 events (`events`), each with its own `event_id`: the batch has no id.
    event_type=first_item("action", within="events"),
    source=first_item("pim_source", within="events"),
    # Akeneo documents no response deadline here: 10 s is a guess.
    timeout=10,
    retries=Retries(
        retries=None,
        on="not stated; docs warn events may arrive twice, out of order, or get lost",
        schedule="unknown (connector must answer in <500 ms)",
        source="https://api.akeneo.com/events-documentation/subscription.html",
    ),
)
