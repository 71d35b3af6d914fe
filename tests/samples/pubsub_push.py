import base64
import json

from tests.signers import Sample, google

AUDIENCE = "https://webhooks.example.test/pubsub_push"
SERVICE_ACCOUNT = "push-invoker@test-project.iam.gserviceaccount.com"
CLAIMS = {
    "iss": "https://accounts.google.com",
    "aud": AUDIENCE,
    "azp": "111111111111111111111",
    "sub": "111111111111111111111",
    "email": SERVICE_ACCOUNT,
    "email_verified": True,
}
INNER = "inner bytes \u00e9 \x00 of the pushed message".encode()

SAMPLE = Sample(
    secret=SERVICE_ACCOUNT,
    sign=google(CLAIMS),
    signature_header="Authorization",
    # The push envelope as Pub/Sub sends it (cloud.google.com/pubsub/docs/push#receive_push).
    body=json.dumps(
        {
            "message": {
                "data": base64.b64encode(INNER).decode(),
                "attributes": {"origin": "billing", "content-type": "text/plain"},
                "messageId": "2070443601311540",
                "message_id": "2070443601311540",
                "publishTime": "2026-11-28T17:00:00.123Z",
                "publish_time": "2026-11-28T17:00:00.123Z",
            },
            "subscription": "projects/test-project/subscriptions/push-sub",
            "deliveryAttempt": 2,
        }
    ).encode(),
    data=INNER,
    attributes={
        "delivery_id": "2070443601311540",
        "ce-source": "pubsub_push/projects/test-project/subscriptions/push-sub",
        "ce-time": "2026-11-28T17:00:00.123Z",
        "origin": "billing",
        "content-type": "text/plain",
        "retry_num": "2",
    },
    signs_body=False,
    settings={"PUBSUB_PUSH_AUDIENCE": AUDIENCE},
    token_claims=CLAIMS,
)
