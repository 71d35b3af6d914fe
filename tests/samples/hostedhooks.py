import json

from tests.signers import Sample, documented

SECRET = "hostedhooks-endpoint-secret-91ab"

SAMPLE = Sample(
    secret=SECRET,
    # No HostedHooks SDK signs: hex HMAC-SHA256 of `<t>.<body>`, `t=<t>,s=<hex>` (HostedHooks docs).
    sign=documented(
        SECRET,
        lambda signature, now: {"HostedHooks-Signature": f"t={now},s={signature}"},
        message=lambda body, now: f"{now}.".encode() + body,
    ),
    signature_header="HostedHooks-Signature",
    json=False,  # nothing is read from the body, so it is never parsed
    body=json.dumps({"event": "user.created", "data": {"id": 42, "email": "ada@example.com"}}).encode(),
)
