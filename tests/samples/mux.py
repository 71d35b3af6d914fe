import json

from tests.signers import Sample, documented

SECRET = "mux-signing-secret-8d1f"

SAMPLE = Sample(
    secret=SECRET,
    # No Mux Python SDK signs: hex HMAC-SHA256 of `<t>.<body>`, `t=<t>,v1=<hex>` (Mux docs).
    sign=documented(
        SECRET,
        lambda signature, now: {"Mux-Signature": f"t={now},v1={signature}"},
        message=lambda body, now: f"{now}.".encode() + body,
    ),
    signature_header="Mux-Signature",
    body=json.dumps(
        {
            "type": "video.asset.ready",
            "id": "3a56ac3d-33da-4366-855b-f592d898409d",
            "environment": {"name": "Production", "id": "j0863n"},
            "data": {"id": "0201p02fGKPE7MrbC269XRD7LpcHhrmbu0002", "status": "ready"},
        }
    ).encode(),
    attributes={
        "event_type": "video.asset.ready",
        "delivery_id": "3a56ac3d-33da-4366-855b-f592d898409d",
        "ce-source": "mux/j0863n",
    },
)
