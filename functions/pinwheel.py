"""Pinwheel: hex HMAC-SHA256 of `v2:<X-Timestamp>:<body>` with the API secret, `X-Pinwheel-Signature: v2=<hex>`."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="pinwheel",
    docs="https://docs.pinwheelapi.com/docs/webhook-signature-verification",
    summary="HMAC-SHA256 of `v2:timestamp:body` with the API secret, `X-Pinwheel-Signature: v2=<hex>`; age not checked",
    verify=Hmac(
        header="X-Pinwheel-Signature",
        prefix="v2=",
        signed="v2:{timestamp}:{body}",
        timestamp="X-Timestamp",
        # Pinwheel's page states neither X-Timestamp's unit nor a window: signed, not aged.
        tolerance=None,
    ),
    event_type=json_field("event"),
    source=json_field("payload.end_user_id"),
    # Pinwheel documents no response deadline publicly: 10 s is a guess.
    timeout=10,
    retries=Retries(
        retries=None,
        schedule="unknown (no source found)",
        source="https://docs.pinwheelapi.com/docs/webhook-signature-verification",
    ),
)
