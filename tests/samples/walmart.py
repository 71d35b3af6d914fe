import hashlib
import json

from tests.signers import Sample, documented

SECRET = "walmart-webhook-secret-5c21"
PATH_AND_QUERY = "/walmart?sellerId=101234567"


def message(body: bytes, now: int) -> bytes:
    # developer.walmart.com, Security and authenticity: METHOD, path with query, timestamp, body hash.
    return "\n".join(("POST", PATH_AND_QUERY, str(now), hashlib.sha256(body).hexdigest())).encode()


SAMPLE = Sample(
    secret=SECRET,
    # No Walmart SDK signs webhooks: base64 HMAC-SHA256 exactly as Walmart's verification guide computes it.
    sign=documented(
        SECRET,
        lambda signature, now: {"WM_SEC.SIGNATURE": signature, "WM_SEC.TIMESTAMP": str(now)},
        message=message,
        encoding="base64",
    ),
    signature_header="WM_SEC.SIGNATURE",
    query=PATH_AND_QUERY.split("?", 1)[1],
    body=json.dumps(
        {
            "eventId": "0f6c8a52-3c1e-4f0e-9d4a-6b8f2d1e7a90",
            "eventType": "SELLER_PERFORMANCE_NOTIFICATIONS",
            "payload": {"notificationType": "ALARMS", "sellerId": "101234567"},
        }
    ).encode(),
    attributes={
        "event_type": "SELLER_PERFORMANCE_NOTIFICATIONS",
        "delivery_id": "0f6c8a52-3c1e-4f0e-9d4a-6b8f2d1e7a90",
        "ce-type": "walmart.SELLER_PERFORMANCE_NOTIFICATIONS",
    },
)
