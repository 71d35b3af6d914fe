import gzip
import json
import zlib

from tests.signers import Exchange, Sample, documented

SECRET = "scrapfly-webhook-signing-secret-e81c"

# scrapfly-sdk only verifies: upper-case hex HMAC-SHA256 of the body, as its ResponseBodyHandler.verify checks.
SIGN = documented(SECRET, lambda signature, now: {"X-Scrapfly-Webhook-Signature": signature.upper()})


def sign(body: bytes, now: int) -> dict[str, str]:
    """A compressed body is signed as its plain bytes: ResponseBodyHandler.read decompresses, then verifies."""
    if body[:2] == b"\x1f\x8b":
        return SIGN(gzip.decompress(body), now)
    if body[:1] == b"\x78":  # deflate's zlib header
        return SIGN(zlib.decompress(body), now)
    return SIGN(body, now)


BODY = json.dumps(
    {
        "config": {"url": "https://web-scraping.dev/product/1", "webhook_name": "orders"},
        "context": {"webhook": {"name": "orders"}, "job_uuid": "1f3c3a9e-8a66-4b43-9f6e-2d6f0e1b7c55"},
        "result": {"status_code": 200, "content": "<html>Crème brûlée</html>"},
    },
    ensure_ascii=False,
).encode()

SAMPLE = Sample(
    secret=SECRET,
    sign=sign,
    signature_header="X-Scrapfly-Webhook-Signature",
    headers={"X-Scrapfly-Webhook-Resource-Type": "scrape"},
    body=BODY,
    json=False,  # nothing is read from the body, so it is never parsed
    attributes={"event_type": "scrape"},
    exchanges=(
        # The reachability ping Scrapfly sends, unsigned, while the webhook is being created.
        Exchange(headers={"X-Scrapfly-Webhook-Resource-Type": "ping"}, body=b"{}", signed=False, answer=b""),
    ),
    variants=tuple(
        Exchange(
            body=body, headers={"Content-Encoding": name}, attributes={"event_type": "scrape", "content-encoding": name}
        )
        for name, body in (("gzip", gzip.compress(BODY, mtime=0)), ("deflate", zlib.compress(BODY)))
    ),
    rejects=(
        # The signature of the compressed bytes: Scrapfly signs before compressing.
        Exchange(
            body=gzip.compress(BODY, mtime=0),
            headers={"Content-Encoding": "gzip", **SIGN(gzip.compress(BODY, mtime=0), 0)},
            signed=False,
            status=401,
            answer=None,
        ),
        # An unsigned zip bomb is refused before it is inflated past the bound.
        Exchange(
            body=gzip.compress(bytes(11_000_000), mtime=0),
            headers={"Content-Encoding": "gzip"},
            signed=False,
            status=413,
            answer=None,
        ),
        # Brotli, which scrapfly-sdk can read but this function cannot inflate.
        Exchange(body=BODY, headers={"Content-Encoding": "br"}, status=401, answer=None),
    ),
)
