import hashlib
import hmac

from tests.signers import Sample

# No PagerDuty SDK signs; stdlib hmac as PagerDuty documents: HMAC-SHA256(secret, body), `v1=<hex>`.
# The published vector (go-pagerduty) is in tests/vectors/pagerduty.json.
SECRET = "lDQHScfUeXUKaQRNF+8XIiDKZ7XX3itBAYzwU0TARw8lJqRnkKl2iB1anSb0Z+IK"


def sign(body: bytes, now: int) -> dict[str, str]:
    return {"X-PagerDuty-Signature": "v1=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()}


SAMPLE = Sample(
    secret=SECRET,
    sign=sign,
    signature_header="X-PagerDuty-Signature",
    body=b'{"event":{"id":"01BWDWL3NYY7LUFPZCC28QUCMK","event_type":"incident.triggered",'
    b'"resource_type":"incident","occurred_at":"2021-04-26T17:36:27.458Z","data":{"id":"PGR0VU2"}}}',
    headers={"X-Webhook-Id": "2c2e4a4c-3bb0-4a59-9c3c-8a8b1e7c0c1d", "X-Webhook-Subscription": "PSUB123"},
    attributes={
        "event_type": "incident.triggered",
        "delivery_id": "01BWDWL3NYY7LUFPZCC28QUCMK",
        "ce-source": "pagerduty/PSUB123",
        "ce-type": "pagerduty.incident.triggered",
    },
)
