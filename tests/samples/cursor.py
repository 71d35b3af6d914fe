import json

from tests.signers import Sample, stdlib_hmac

SECRET = "cursor-webhook-secret-at-least-32-chars"

SAMPLE = Sample(
    secret=SECRET,
    # No Cursor SDK signs: `sha256=` + hex HMAC-SHA256 of the raw body (cursor.com cloud-agent webhooks).
    sign=stdlib_hmac(SECRET, "X-Webhook-Signature", layout="sha256={signature}"),
    signature_header="X-Webhook-Signature",
    body=json.dumps(
        {
            "event": "statusChange",
            "timestamp": "2026-11-28T18:00:00.000Z",
            "id": "bc_abc123",
            "status": "FINISHED",
            "source": {"repository": "https://github.com/your-org/your-repo", "ref": "main"},
            "summary": "Added README.md with installation instructions",
        }
    ).encode(),
    headers={
        "X-Webhook-ID": "msg_01J8W3N4TK2Q5ZC0MJ7ZQ5V2X1",
        "X-Webhook-Event": "statusChange",
        "User-Agent": "Cursor-Agent-Webhook/1.0",
    },
    attributes={
        "event_type": "statusChange",
        "delivery_id": "msg_01J8W3N4TK2Q5ZC0MJ7ZQ5V2X1",
        "ce-source": "cursor/bc_abc123",
    },
)
