import json

from tests.signers import Sample, documented

SECRET = "recurly-endpoint-secret-7a41"

SAMPLE = Sample(
    secret=SECRET,
    # No Recurly Python SDK signs: hex HMAC-SHA256 of `<t ms>.<body>`, `<t>,<hex>`, as recurly-ruby's
    # Webhooks.verify_signature rebuilds it.
    sign=documented(
        SECRET,
        lambda signature, now: {"recurly-signature": f"{now * 1000},{signature}"},
        message=lambda body, now: f"{now * 1000}.".encode() + body,
    ),
    signature_header="recurly-signature",
    body=json.dumps(
        {"id": "sb7yl7nw8fbj", "object_type": "subscription", "event_type": "created", "uuid": "5a9c1f"}
    ).encode(),
    json=False,  # nothing is read from the body
    attributes={},
)
