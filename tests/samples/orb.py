import json
from datetime import UTC, datetime

from tests.signers import Sample, documented

SECRET = "orb-webhook-secret-7e2d"


def orb_time(now: int) -> str:
    """ISO 8601 without an offset, which orb-billing reads as UTC."""
    return datetime.fromtimestamp(now, UTC).replace(tzinfo=None).isoformat(timespec="microseconds")


SAMPLE = Sample(
    secret=SECRET,
    # orb-billing verifies only: hex HMAC-SHA256 of `v1:<X-Orb-Timestamp>:<body>`, `v1=<hex>`, as
    # its Webhooks.verify_signature rebuilds it.
    sign=documented(
        SECRET,
        lambda signature, now: {"X-Orb-Signature": f"v1={signature}", "X-Orb-Timestamp": orb_time(now)},
        message=lambda body, now: f"v1:{orb_time(now)}:".encode() + body,
    ),
    signature_header="X-Orb-Signature",
    body=json.dumps(
        {
            "id": "Qp3kLm9ZxT2vR8sW",
            "created_at": "2026-11-28T18:00:00+00:00",
            "type": "subscription.started",
            "properties": {},
            "subscription": {"id": "VDGsT23osdLb84KD"},
        }
    ).encode(),
    attributes={
        "event_type": "subscription.started",
        "delivery_id": "Qp3kLm9ZxT2vR8sW",
        "ce-type": "orb.subscription.started",
    },
)
