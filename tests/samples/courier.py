import json

from tests.signers import Sample, documented

SECRET = "courier-outbound-webhook-secret-3f9a"

SAMPLE = Sample(
    secret=SECRET,
    # No Courier SDK signs: hex HMAC-SHA256 of `t.body`, `t` in milliseconds, as Courier's own
    # guide (trycourier/courier-skills, references/guides/webhooks.md) computes it.
    sign=documented(
        SECRET,
        lambda signature, now: {"courier-signature": f"t={now * 1000},signature={signature}"},
        message=lambda body, now: f"{now * 1000}.".encode() + body,
    ),
    signature_header="courier-signature",
    body=json.dumps(
        {
            "type": "message:updated",
            "data": {
                "id": "1-612fa552-15f7d6ba51bf229857c037a7",
                "status": "DELIVERED",
                "enqueued": 1630512466717,
                "sent": 1630512468691,
                "delivered": 1630512501708,
                "recipient": "b19fb0e0-8cd6-4337-b41c-92c780c80d1a",
            },
        }
    ).encode(),
    attributes={"event_type": "message:updated", "ce-type": "courier.message:updated", "ce-source": "courier"},
)
