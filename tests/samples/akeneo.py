import json

from tests.signers import Sample, documented

SECRET = "3ha6eonoa9icsckw8kccos084w0c0000g08g40oo4kww0gc8w4"

SAMPLE = Sample(
    secret=SECRET,
    # No Akeneo SDK signs: hex HMAC-SHA256 of `<timestamp>.<body>` (Events API security page's PHP example).
    sign=documented(
        SECRET,
        lambda signature, now: {"X-Akeneo-Request-Signature": signature, "X-Akeneo-Request-Timestamp": str(now)},
        message=lambda body, now: f"{now}.".encode() + body,
    ),
    signature_header="X-Akeneo-Request-Signature",
    body=json.dumps(
        {
            "events": [
                {
                    "action": "product.created",
                    "author": "julia",
                    "author_type": "ui",
                    "event_id": "6ad821d8-2468-4632-89d2-92e442c72313",
                    "event_datetime": "2020-01-01T00:00:00+00:00",
                    "pim_source": "staging.akeneo.com",
                    "data": {"resource": {"identifier": "1111111171", "family": "clothing"}},
                }
            ]
        }
    ).encode(),
    attributes={"event_type": "product.created", "ce-source": "akeneo/staging.akeneo.com"},
)
