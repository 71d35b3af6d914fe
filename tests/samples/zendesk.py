import json
from datetime import UTC, datetime

from tests.signers import Sample, documented

SECRET = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ=="


def rfc3339(now: int) -> str:
    return datetime.fromtimestamp(now, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


SAMPLE = Sample(
    secret=SECRET,
    # No Zendesk SDK signs: base64(HMACSHA256(TIMESTAMP + BODY)) (developer.zendesk.com, verifying).
    sign=documented(
        SECRET,
        lambda signature, now: {
            "X-Zendesk-Webhook-Signature": signature,
            "X-Zendesk-Webhook-Signature-Timestamp": rfc3339(now),
        },
        message=lambda body, now: rfc3339(now).encode() + body,
        encoding="base64",
    ),
    signature_header="X-Zendesk-Webhook-Signature",
    body=json.dumps(
        {
            "type": "zen:event-type:ticket.created",
            "account_id": 123456,
            "id": "cbe4028c-7239-495d-b020-f22348516046",
            "time": "2026-11-28T18:00:00Z",
            "zendesk_event_version": "2022-11-06",
            "subject": "zen:ticket:35",
            "detail": {"id": "35", "subject": "Ça ne marche pas"},
        },
        ensure_ascii=False,
    ).encode(),
    headers={
        "X-Zendesk-Account-Id": "123456",
        "X-Zendesk-Webhook-Id": "01F1KRFQ6BG29CNWFR60NK5FNY",
        "X-Zendesk-Webhook-Invocation-Id": "8350205582",
    },
    json=False,  # trigger webhooks may send any body: one that is not JSON is published too
    attributes={
        "event_type": "zen:event-type:ticket.created",
        "delivery_id": "8350205582",
        "ce-source": "zendesk/01F1KRFQ6BG29CNWFR60NK5FNY",
        "account_id": "123456",
    },
)
