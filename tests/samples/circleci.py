import json

from tests.signers import Sample, documented

SECRET = "circleci-signing-secret-91ab"

SAMPLE = Sample(
    secret=SECRET,
    # No CircleCI SDK signs: hex HMAC-SHA256 of the body, sent as `v1=<hex>` (CircleCI webhooks docs).
    sign=documented(SECRET, lambda signature, now: {"circleci-signature": f"v1={signature}"}),
    signature_header="circleci-signature",
    body=json.dumps(
        {
            "type": "workflow-completed",
            "id": "3888f21b-eaa7-38e3-8f3d-75a63bba8895",
            "happened_at": "2026-11-28T18:00:00.000Z",
            "webhook": {"id": "cf8c4fdd-0587-4da1-b4ca-4846e9640af9", "name": "Sample Webhook"},
            "workflow": {"name": "build", "status": "success"},
        }
    ).encode(),
    headers={"circleci-event-type": "workflow-completed"},
    attributes={
        "event_type": "workflow-completed",
        "delivery_id": "3888f21b-eaa7-38e3-8f3d-75a63bba8895",
        "ce-source": "circleci/cf8c4fdd-0587-4da1-b4ca-4846e9640af9",
        "ce-time": "2026-11-28T18:00:00.000Z",
    },
)
