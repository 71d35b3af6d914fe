import gzip
import hashlib
import hmac
import json

from tests.signers import Exchange, Sample

# No Airship SDK verifies: stdlib hmac as Airship's support article "Implementing a Signature Hash
# and Validating an Open Channel Webhook" describes: hex HMAC-SHA256 of `X-UA-TIMESTAMP + ":" +
# the request body JSON` (an empty string for the GET /validate); the body is sent gzip-compressed.
SECRET = "3f6d2b1c8e7f904c4a8f2e5b7d4e219a3f6d2b1c8e7f904c4a8f2e5b7d4e219a"
CODE = "559384cd-6284-4e3e-9e4e-7c260019a251"
PLAIN = json.dumps(
    {
        "values": [
            {
                "send_id": "ff76bb85-74bc-4511-a3bf-11b6117784db",
                "app_key": "ZGIwZTY3YjEtZTRiMi00ZG",
                "target": {"address": "221B Baker Street", "channel_id": "a61448e1-be63-43ee-84eb-19446ba743f0"},
                "payload": {"alert": "Giant StayPuft Marshmallow Man On a Rampage", "title": "Breaking News!"},
            }
        ]
    }
).encode()
BODY = gzip.compress(PLAIN, mtime=0)


def sign(body: bytes, now: int) -> dict[str, str]:
    """Airship's headers: a gzip body is signed as the JSON before compression."""
    compressed = body[:2] == b"\x1f\x8b"
    plain = gzip.decompress(body) if compressed else body
    signature = hmac.new(SECRET.encode(), f"{now}:".encode() + plain, hashlib.sha256).hexdigest()
    headers = {"X-UA-TIMESTAMP": str(now), "X-UA-SIGNATURE": signature}
    return {**headers, "Content-Encoding": "gzip"} if compressed else headers


SAMPLE = Sample(
    secret=SECRET,
    sign=sign,
    signature_header="X-UA-SIGNATURE",
    content_type="application/vnd.urbanairship+json; version=3",
    body=BODY,
    headers={"Data-Attribute": "values"},
    settings={"AIRSHIP_CONFIRMATION_CODE": CODE},
    attributes={"content-encoding": "gzip"},
    exchanges=(
        Exchange(
            method="GET",
            answer=json.dumps({"confirmation_code": CODE}).encode(),
            answer_headers={"Content-Type": "application/json"},
        ),
    ),
    rejects=(
        # A zip bomb: 11 MB of zeros in about 11 kB, refused before it is inflated past the bound.
        Exchange(
            body=gzip.compress(bytes(11_000_000), mtime=0),
            headers={"Content-Encoding": "gzip"},
            signed=False,
            status=413,
            answer=None,
        ),
        # The signature of the compressed bytes, not of the JSON: refused.
        Exchange(
            body=BODY,
            headers={
                "Content-Encoding": "gzip",
                "X-UA-TIMESTAMP": "0",
                "X-UA-SIGNATURE": hmac.new(SECRET.encode(), b"0:" + BODY, hashlib.sha256).hexdigest(),
            },
            signed=False,
            status=401,
            answer=b"Unauthorized",
        ),
        # An unsigned GET: no confirmation code for it.
        Exchange(method="GET", signed=False, status=401, answer=b"Unauthorized"),
        # Another encoding Airship never uses.
        Exchange(body=PLAIN, headers={"Content-Encoding": "br"}, status=401, answer=b"Unauthorized"),
    ),
)
