from tests.signers import Sample, stdlib_hmac

SECRET = "bitbucket-webhook-secret-0d4c"

SAMPLE = Sample(
    secret=SECRET,
    sign=stdlib_hmac(SECRET, "X-Hub-Signature", layout="sha256={signature}"),
    signature_header="X-Hub-Signature",
    body=b'{"push": {"changes": []}, "repository": {"full_name": "team/repo"}}',
    headers={
        "X-Event-Key": "repo:push",
        "X-Request-UUID": "4b8e6f0a-2c1d-4e5f-8a9b-0c1d2e3f4a5b",
        "X-Hook-UUID": "{b1c2d3e4-f5a6-7b8c-9d0e-1f2a3b4c5d6e}",
        "X-Attempt-Number": "2",
    },
    attributes={
        "event_type": "repo:push",
        "delivery_id": "4b8e6f0a-2c1d-4e5f-8a9b-0c1d2e3f4a5b",
        "ce-source": "bitbucket/{b1c2d3e4-f5a6-7b8c-9d0e-1f2a3b4c5d6e}",
        "retry_num": "2",
    },
    json=False,
)
