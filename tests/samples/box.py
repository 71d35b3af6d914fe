import json
from datetime import UTC, datetime

from tests.signers import Sample

PRIMARY = "SamplePrimaryKey4mK9pQ2"
SECONDARY = "SampleSecondaryKey7xL3w"


def sign(body: bytes, now: int) -> dict[str, str]:
    from box_sdk_gen.internal.utils import compute_webhook_signature

    headers = {
        "box-delivery-timestamp": datetime.fromtimestamp(now, UTC).isoformat(),
        "box-signature-version": "1",
        "box-signature-algorithm": "HmacSHA256",
    }
    return {**headers, "box-signature-primary": compute_webhook_signature(body.decode(), headers, PRIMARY)}


SAMPLE = Sample(
    # Both keys, as the operator configures them: either one verifies.
    secret=f"{PRIMARY},{SECONDARY}",
    sign=sign,  # box-sdk-gen's own signature computation (used by WebhooksManager.validate_message)
    signature_header="box-signature-primary",
    body=json.dumps(
        {
            "type": "webhook_event",
            "id": "eac7c8d5-8d8d-4a3f-b3b6-bb7f1c0b0b51",
            "created_at": "2026-11-28T10:00:00-08:00",
            "trigger": "FILE.UPLOADED",
            "webhook": {"id": "1234567", "type": "webhook"},
            "source": {"id": "12345", "type": "file", "name": "report.pdf"},
        }
    ).encode(),
    attributes={
        "event_type": "FILE.UPLOADED",
        "delivery_id": "eac7c8d5-8d8d-4a3f-b3b6-bb7f1c0b0b51",
        "ce-source": "box/1234567",
        "ce-type": "box.FILE.UPLOADED",
    },
)
