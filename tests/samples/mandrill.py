import json
from urllib.parse import urlencode

from tests.signers import Exchange, Sample, documented

SECRET = "KfFuThPttL_KoUyDndHW3A"  # a webhook key as Mandrill shows it
PUBLIC_URL = "https://hooks.example.com/mandrill"
FORWARDED = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "hooks.example.com"}
EVENTS = [
    {
        "event": "open",
        "_id": "2f3a7b6c2b5f4a0f9e1d0c4b3a291817",
        "ts": 1764345600,
        "msg": {"email": "zoë@example.com", "subject": "Réunion", "state": "sent"},
    }
]
BODY = urlencode({"mandrill_events": json.dumps(EVENTS, ensure_ascii=False)}).encode()


def _message(body: bytes, now: int) -> bytes:
    # Mailchimp Transactional docs: the webhook URL, then each POST variable sorted by key,
    # key followed by value; Mandrill posts one, `mandrill_events`.
    from urllib.parse import parse_qsl

    return (PUBLIC_URL + "".join(k + v for k, v in sorted(parse_qsl(body.decode(), keep_blank_values=True)))).encode()


SAMPLE = Sample(
    secret=SECRET,
    # No Mailchimp SDK verifies or signs: Python's hmac, HMAC-SHA1, base64, as documented.
    sign=documented(
        SECRET, lambda sig, now: {"X-Mandrill-Signature": sig}, message=_message, algorithm="sha1", encoding="base64"
    ),
    signature_header="X-Mandrill-Signature",
    content_type="application/x-www-form-urlencoded",
    body=BODY,
    headers=FORWARDED,
    attributes={"event_type": "open"},
    json=False,
    exchanges=(Exchange(method="HEAD", signed=False, answer=b""),),
    rejects=(
        # Signed as a form, sent as JSON: the signature covers form parameters only.
        Exchange(
            body=BODY,
            headers={"Content-Type": "application/json", **FORWARDED},
            status=401,
            answer=b"Unauthorized",
        ),
    ),
)
