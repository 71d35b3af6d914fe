import gzip
import json

from tests.signers import Exchange, Sample, stdlib_hmac

SECRET = "d7b4c2f1e0a9486b9c3f5e2d1a0b8c7d"  # a destination's webhook_secret

# A v3 notification (developer.nylas.com, notification schemas): message.created.
BODY = json.dumps(
    {
        "specversion": "1.0",
        "type": "message.created",
        "source": "/google/emails/realtime",
        "id": "mock-id-1f4b2b1c",
        "time": 1764345600,
        "webhook_delivery_attempt": 1,
        "data": {
            "application_id": "NYLAS_APPLICATION_ID",
            "object": {"grant_id": "NYLAS_GRANT_ID", "id": "msg-1", "subject": "Réunion", "object": "message"},
        },
    },
    ensure_ascii=False,
).encode()
# `compressed_delivery: true`: the JSON gzipped, and the compressed bytes signed ("verify
# x-nylas-signature against the raw compressed body before decompressing", nylas/skills).
COMPRESSED = gzip.compress(BODY, mtime=0)
ATTRIBUTES = {
    "event_type": "message.created",
    "delivery_id": "mock-id-1f4b2b1c",
    "ce-source": "nylas/NYLAS_APPLICATION_ID",
    "retry_num": "1",
}

SAMPLE = Sample(
    secret=SECRET,
    # The nylas SDK does not verify notifications: the raw body's HMAC-SHA256 with the
    # webhook_secret, hex, as developer.nylas.com describes x-nylas-signature.
    sign=stdlib_hmac(SECRET, "x-nylas-signature"),
    signature_header="x-nylas-signature",
    body=BODY,
    attributes=ATTRIBUTES,
    variants=(
        Exchange(
            body=COMPRESSED, headers={"Content-Encoding": "gzip"}, attributes={**ATTRIBUTES, "content-encoding": "gzip"}
        ),
    ),
    exchanges=(
        Exchange(
            method="GET",
            query="challenge=bc609b38-c81f-47fb-a275-1d9bd61a968b",
            signed=False,
            answer=b"bc609b38-c81f-47fb-a275-1d9bd61a968b",
        ),
        Exchange(method="GET", signed=False, status=405, answer=None),
    ),
    rejects=(
        # The signature of the JSON, sent compressed: Nylas signs the compressed bytes.
        Exchange(
            body=COMPRESSED,
            headers={"Content-Encoding": "gzip", **stdlib_hmac(SECRET, "x-nylas-signature")(BODY, 0)},
            signed=False,
            status=401,
            answer=None,
        ),
        # A signed zip bomb (11 MB of zeros in about 11 kB) is never inflated past the bound.
        Exchange(
            body=gzip.compress(bytes(11_000_000), mtime=0),
            headers={"Content-Encoding": "gzip"},
            status=413,
            answer=None,
        ),
    ),
)
