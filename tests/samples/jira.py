import json

from tests.signers import Sample, stdlib_hmac

SECRET = "jira-admin-webhook-secret-1b7f"
IDENTIFIER = "17c9de58-7f69-4b1f-9a9a-1d3c5a0c2b11"

SAMPLE = Sample(
    secret=SECRET,
    # No Atlassian Python SDK signs: hex HMAC-SHA256 of the body, `sha256=` (WebSub), as
    # developer.atlassian.com documents for admin webhooks with a secret.
    sign=stdlib_hmac(SECRET, "X-Hub-Signature", layout="sha256={signature}"),
    signature_header="X-Hub-Signature",
    body=json.dumps(
        {
            "timestamp": 1700000000000,
            "webhookEvent": "jira:issue_created",
            "issue_event_type_name": "issue_created",
            "user": {"accountId": "5b10a2844c20165700ede21g"},
            "issue": {"id": "10002", "key": "PROJ-1"},
        }
    ).encode(),
    headers={"X-Atlassian-Webhook-Identifier": IDENTIFIER, "X-Atlassian-Webhook-Retry": "1"},
    attributes={
        "event_type": "jira:issue_created",
        "delivery_id": IDENTIFIER,
        "retry_num": "1",
        "ce-type": "jira.jira:issue_created",
    },
)
