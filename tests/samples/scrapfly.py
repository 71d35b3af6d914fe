import json

from tests.signers import Exchange, Sample, documented

SECRET = "scrapfly-webhook-signing-secret-e81c"

SAMPLE = Sample(
    secret=SECRET,
    # scrapfly-sdk only verifies: upper-case hex HMAC-SHA256 of the body, as its ResponseBodyHandler.verify checks.
    sign=documented(SECRET, lambda signature, now: {"X-Scrapfly-Webhook-Signature": signature.upper()}),
    signature_header="X-Scrapfly-Webhook-Signature",
    headers={"X-Scrapfly-Webhook-Resource-Type": "scrape"},
    body=json.dumps(
        {
            "config": {"url": "https://web-scraping.dev/product/1", "webhook_name": "orders"},
            "context": {"webhook": {"name": "orders"}, "job_uuid": "1f3c3a9e-8a66-4b43-9f6e-2d6f0e1b7c55"},
            "result": {"status_code": 200, "content": "<html>Crème brûlée</html>"},
        },
        ensure_ascii=False,
    ).encode(),
    json=False,  # nothing is read from the body, so it is never parsed
    attributes={"event_type": "scrape"},
    exchanges=(
        # The reachability ping Scrapfly sends, unsigned, while the webhook is being created.
        Exchange(headers={"X-Scrapfly-Webhook-Resource-Type": "ping"}, body=b"{}", signed=False, answer=b""),
    ),
)
