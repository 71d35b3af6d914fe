import json

from tests.signers import Sample, documented

SECRET = "workos-webhook-secret-5c1e"

SAMPLE = Sample(
    secret=SECRET,
    # workos-python verifies only: hex HMAC-SHA256 of `<t ms>.<body>`, `t=<t>, v1=<hex>`, exactly as
    # its WebhookSignature.verify_header rebuilds it.
    sign=documented(
        SECRET,
        lambda signature, now: {"WorkOS-Signature": f"t={now * 1000}, v1={signature}"},
        message=lambda body, now: f"{now * 1000}.".encode() + body,
    ),
    signature_header="WorkOS-Signature",
    body=json.dumps(
        {
            "id": "event_01HX8Q7A2V6W0ZK3RTM1B4N5C6",
            "event": "dsync.user.created",
            "data": {"id": "directory_user_01E1X1B89NH8Z3SDFJR4H7RGX7", "state": "active"},
            "created_at": "2026-11-28T18:00:00.000Z",
        }
    ).encode(),
    attributes={
        "event_type": "dsync.user.created",
        "delivery_id": "event_01HX8Q7A2V6W0ZK3RTM1B4N5C6",
        "ce-type": "workos.dsync.user.created",
    },
)
