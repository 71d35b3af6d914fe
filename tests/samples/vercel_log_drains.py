import gzip
import json

from tests.signers import Exchange, Sample, stdlib_hmac

SECRET = "vercel-drain-signature-secret-0b7d"
# The team's verification code, as Vercel's dashboard shows it for a new drain.
VERIFY = "84e391d43aa038d3a5d205d692a8798e95381721"
ENTRIES = [
    {
        "id": "1573817187330377061717300000",
        "message": "Adding customer to database...",
        "timestamp": 1573817187330,
        "type": "stdout",
        "source": "lambda",
        "projectId": "gdufoJxB6b9b1fEqr1jUtFkyavUU",
        "deploymentId": "dpl_233NRGRjVZX1caZrXWtz5g1TAksD",
        "host": "my-app-abc123.vercel.app",
        "requestId": "643af4e3-975a-4cc7-9e7a-1eda11539d90",
        "statusCode": 200,
        "path": "/api/customers",
        "level": "info",
    },
    {
        "id": "1573817187330377061717300001",
        "message": "Zoë's order stored",
        "timestamp": 1573817187345,
        "type": "stdout",
        "source": "lambda",
        "projectId": "gdufoJxB6b9b1fEqr1jUtFkyavUU",
        "deploymentId": "dpl_233NRGRjVZX1caZrXWtz5g1TAksD",
    },
]

BODY = json.dumps(ENTRIES, ensure_ascii=False).encode()
COMPRESSED = gzip.compress(BODY, mtime=0)
# Vercel does not say which bytes of a `compression: gzip` drain it signs: the compressed ones, or the JSON.
OVER_PLAIN = stdlib_hmac(SECRET, "x-vercel-signature", algorithm="sha1")(BODY, 0)
GZIP = {"Content-Encoding": "gzip"}

SAMPLE = Sample(
    secret=SECRET,
    # No Vercel Python SDK signs: `crypto.createHmac('sha1', secret).update(rawBody).digest('hex')`,
    # as vercel.com/docs/drains/security shows.
    sign=stdlib_hmac(SECRET, "x-vercel-signature", algorithm="sha1"),
    signature_header="x-vercel-signature",
    body=BODY,
    json=False,  # JSON arrays and NDJSON are both valid batches; nothing is read from the body
    settings={"VERCEL_LOG_DRAINS_VERIFY": VERIFY},
    # Vercel looks for the code in `x-vercel-verify` on the endpoint's answer.
    ack_headers={"x-vercel-verify": VERIFY},
    variants=(
        Exchange(
            body="\n".join(json.dumps(entry, ensure_ascii=False) for entry in ENTRIES).encode(),
            headers={"Content-Type": "application/x-ndjson"},
            answer_headers={"x-vercel-verify": VERIFY},
        ),
        Exchange(
            body=COMPRESSED,
            headers=GZIP,
            attributes={"content-encoding": "gzip"},
            answer_headers={"x-vercel-verify": VERIFY},
        ),
        Exchange(
            body=COMPRESSED,
            headers={**GZIP, **OVER_PLAIN},
            attributes={"content-encoding": "gzip"},
            answer_headers={"x-vercel-verify": VERIFY},
        ),
    ),
    rejects=(
        # An unsigned check is refused (nothing unverified is answered 200), still carrying the code.
        Exchange(
            body=b"{}",
            headers={"Content-Type": "application/json"},
            signed=False,
            status=401,
            answer=None,
            answer_headers={"x-vercel-verify": VERIFY},
        ),
        # Another body's signature, compressed or not.
        Exchange(
            body=gzip.compress(BODY + b" ", mtime=0),
            headers={**GZIP, **OVER_PLAIN},
            signed=False,
            status=401,
            answer=None,
        ),
        # An unsigned zip bomb is refused before it is inflated past the bound.
        Exchange(body=gzip.compress(bytes(11_000_000), mtime=0), headers=GZIP, signed=False, status=413, answer=None),
    ),
)
