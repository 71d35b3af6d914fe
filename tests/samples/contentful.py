import hmac
import json
from urllib.parse import quote

from tests.signers import Sample

SECRET = "cf-webhook-signing-secret-0123456789abcdefghijklmnopqrstuvwxyzAB"
TOPIC = "ContentManagement.Entry.publish"


def sign(body: bytes, now: int) -> dict[str, str]:
    # No Contentful SDK for Python signs: stdlib hmac following @contentful/node-apps-toolkit's
    # signRequest, which Contentful's request-verification page points to (the toolkit itself
    # signed tests/vectors/contentful.json): METHOD\npath\nsorted key:value;...\nbody, hex.
    millis = str(now * 1000)
    names = "x-contentful-signed-headers,x-contentful-timestamp,x-contentful-topic"
    headers = f"x-contentful-signed-headers:{names};x-contentful-timestamp:{millis};x-contentful-topic:{TOPIC}"
    signed = f"POST\n{quote('/contentful')}\n{headers}\n".encode() + body
    return {
        "X-Contentful-Topic": TOPIC,
        "x-contentful-signature": hmac.new(SECRET.encode(), signed, "sha256").hexdigest(),
        "x-contentful-signed-headers": names,
        "x-contentful-timestamp": millis,
    }


SAMPLE = Sample(
    secret=SECRET,
    sign=sign,
    signature_header="x-contentful-signature",
    content_type="application/vnd.contentful.management.v1+json",
    body=json.dumps(
        {
            "sys": {
                "type": "Entry",
                "id": "5KsDBWseXY6QegucYAoacS",
                "space": {"sys": {"type": "Link", "linkType": "Space", "id": "yadj1kx9rmg0"}},
                "revision": 1,
            },
            "fields": {"title": {"en-US": "Hello, Wörld"}},
        },
        ensure_ascii=False,
    ).encode(),
    json=False,  # nothing is read from the body
    attributes={"event_type": TOPIC, "ce-type": f"contentful.{TOPIC}"},
)
