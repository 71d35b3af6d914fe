from tests.signers import Sample, token

SECRET = "gitlab-secret-token-5b1e"

SAMPLE = Sample(
    secret=SECRET,
    sign=token("X-Gitlab-Token", SECRET),
    signature_header="X-Gitlab-Token",
    body=b'{"object_kind": "push", "event_name": "push", "ref": "refs/heads/main"}',
    headers={
        "X-Gitlab-Event": "Push Hook",
        "X-Gitlab-Event-UUID": "13792a34-cac6-4fda-95a8-c58e00a3954e",
        "Idempotency-Key": "908a6d9e-45fd-46c8-97e6-c4f350f219dd",
        "X-Gitlab-Webhook-UUID": "d8e5a2c4-1f7b-4a39-9a57-7c1b0e3f2a11",
        "X-Gitlab-Instance": "https://gitlab.com",
    },
    attributes={
        "event_type": "Push Hook",
        "delivery_id": "908a6d9e-45fd-46c8-97e6-c4f350f219dd",
        "ce-source": "gitlab/d8e5a2c4-1f7b-4a39-9a57-7c1b0e3f2a11",
        "ce-type": "gitlab.Push Hook",
    },
    json=False,
    signs_body=False,
)
