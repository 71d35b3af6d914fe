import hashlib
import hmac

from tests.signers import Sample, flip

SECRET = "exact-online-webhook-secret-91b2"

CONTENT = (
    b'{"Topic":"SalesInvoices","ClientId":"8b7d4a59-5d2f-4e3b-9c1a-2f6e0d3b7a11","Division":1234567,'
    b'"Action":"Update","Key":"f3a1c0de-7b52-4c8e-a9d6-31e2b4c5d6e7",'
    b'"ExactOnlineEndpoint":"https://start.exactonline.nl/api/v1/1234567/salesinvoice/SalesInvoices'
    b'(guid\'f3a1c0de-7b52-4c8e-a9d6-31e2b4c5d6e7\')","EventCreatedOn":"2026-11-28T18:00:00.000"}'
)


def hash_code(content: bytes, key: str = SECRET) -> str:
    # No Exact SDK in Python: stdlib hmac as picqer/exact-php-client computes it,
    # strtoupper(hash_hmac('sha256', <Content>, <webhook secret>)).
    return hmac.new(key.encode(), content, hashlib.sha256).hexdigest().upper()


def body(content: bytes = CONTENT, code: str | None = None) -> bytes:
    return b'{"Content":' + content + b',"HashCode":"' + (code or hash_code(content)).encode() + b'"}'


SAMPLE = Sample(
    secret=SECRET,
    sign=lambda body, now: {},
    signature_header=None,
    resigns=False,
    body=body(),
    forgeries=(
        lambda now: b'{"Content":' + CONTENT + b"}",
        lambda now: body(code=flip(hash_code(CONTENT))),
        lambda now: body(code=hash_code(CONTENT, key="another-webhook-secret")),
        lambda now: body(CONTENT.replace(b'"Update"', b'"Delete"'), code=hash_code(CONTENT)),
    ),
    attributes={
        "event_type": "SalesInvoices",
        "action": "Update",
        "key": "f3a1c0de-7b52-4c8e-a9d6-31e2b4c5d6e7",
        "ce-type": "exact_online.SalesInvoices",
        "ce-source": "exact_online/1234567",
    },
)
