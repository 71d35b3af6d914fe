import json

from tests.signers import Sample, documented

SECRET = "rCNwyiloY3oJYYkxgpBXaleIiUv5MYlx"  # @hygraph/utils README's example secret
ENV = "master"
# A publish webhook's payload (Hygraph's default payload: operation and the entry's data).
BODY = json.dumps(
    {
        "operation": "publish",
        "data": {"__typename": "Post", "id": "clx9q2w3e0001", "title": 'Zoë says "hi"', "stage": "PUBLISHED"},
    },
    ensure_ascii=False,
).encode()


def _message(body: bytes, now: int) -> bytes:
    # @hygraph/utils generateWebhookSignature: HMAC-SHA256 of
    # JSON.stringify({Body: rawPayload, EnvironmentName, TimeStamp: Date.now()}), base64.
    document = {"Body": body.decode(), "EnvironmentName": ENV, "TimeStamp": now * 1000}
    return json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode()


SAMPLE = Sample(
    secret=SECRET,
    # No Python SDK signs: Python's hmac over the message the official Node package builds (its own
    # signature is the published vector in tests/vectors/hygraph.json).
    sign=documented(
        SECRET,
        lambda sig, now: {"gcms-signature": f"sign={sig}, env={ENV}, t={now * 1000}"},
        message=_message,
        encoding="base64",
    ),
    signature_header="gcms-signature",
    body=BODY,
    attributes={
        "event_type": "publish",
        "typename": "Post",
        "ce-source": "hygraph/master",
        "ce-type": "hygraph.publish",
    },
)
