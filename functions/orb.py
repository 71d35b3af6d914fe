"""Orb: hex HMAC-SHA256 of `v1:<X-Orb-Timestamp>:<body>`, `X-Orb-Signature: v1=<hex> ...`; ISO time, 300 s."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac, pairs

PROVIDER = Provider(
    id="orb",
    # The scheme as orb-billing implements it (no docs page could be confirmed from here).
    docs="https://github.com/orbcorp/orb-python/blob/main/src/orb/resources/webhooks.py",
    summary="HMAC-SHA256 of `v1:timestamp:body`, `X-Orb-Signature: v1=<hex> ...`, ISO `X-Orb-Timestamp`; 300 s",
    # As orb-billing's verify_signature: space-separated `v1=` entries, the ISO 8601 timestamp
    # (UTC when it has no offset) signed as sent, 5 minutes either way.
    verify=Hmac(
        header="X-Orb-Signature",
        claims=pairs(" ", "v1"),
        signed="v1:{timestamp}:{body}",
        timestamp="X-Orb-Timestamp",
        timestamp_unit="rfc3339",
        layout="v1={signature}",
    ),
    event_type=json_field("type"),
    delivery_id=json_field("id"),
    retries=Retries(
        retries=None,
        schedule="unknown (no source found)",
        source="https://docs.withorb.com/",
    ),
)
