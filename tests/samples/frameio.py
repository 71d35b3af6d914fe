import json

from tests.signers import Sample, documented

SECRET = "frameio-signing-secret-1b6d"

SAMPLE = Sample(
    secret=SECRET,
    # No Frame.io SDK signs: hex HMAC-SHA256 of `v0:<timestamp>:<body>`, `v0=` prefix, as the
    # verify_signature in Frame.io's own webhooks guide builds it.
    sign=documented(
        SECRET,
        lambda signature, now: {"X-Frameio-Signature": f"v0={signature}", "X-Frameio-Request-Timestamp": str(now)},
        message=lambda body, now: f"v0:{now}:".encode() + body,
    ),
    signature_header="X-Frameio-Signature",
    body=json.dumps(
        {
            "account": {"id": "6f70f1bd-7e89-4a7e-b4d3-7e576585a181"},
            "project": {"id": "7e46e495-4444-4555-8649-bee4d391a997"},
            "resource": {"id": "d3075547-4e64-45f0-ad12-d075660eddd2", "type": "file"},
            "type": "file.ready",
            "user": {"id": "56556a3f-859f-4b38-b6c6-e8625b5da8a5"},
            "workspace": {"id": "378fcbf7-6f88-4224-8139-6a743ed940b2"},
        }
    ).encode(),
    attributes={
        "event_type": "file.ready",
        "ce-type": "frameio.file.ready",
        "ce-source": "frameio/378fcbf7-6f88-4224-8139-6a743ed940b2",
    },
)
