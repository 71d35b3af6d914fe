import json

from tests.signers import Exchange, Sample, documented

SECRET = "trello-app-secret-0f9e8d7c6b5a"
CALLBACK_URL = "https://hooks.example.com/trello"


def node_binary(text: str) -> bytes:
    """What Node's `Buffer.from(text, 'binary')` holds, as Trello's guide describes it: each
    UTF-16 code unit cut to its low 8 bits (U+2013 becomes 19); an astral character is two
    surrogate units, so two bytes."""
    units: list[int] = []
    for char in text:
        point = ord(char)
        if point > 0xFFFF:
            point -= 0x10000
            units += [0xD800 | point >> 10, 0xDC00 | point & 0x3FF]
        else:
            units.append(point)
    return bytes(unit & 0xFF for unit in units)


# No Trello SDK signs: base64 HMAC-SHA1 of the body followed by the callbackURL, keyed with the
# application's secret, "treated as binary strings, not utf-8" (Trello webhooks guide).
sign_binary = documented(
    SECRET,
    lambda signature, now: {"X-Trello-Webhook": signature},
    message=lambda body, now: node_binary(body.decode("utf-8") + CALLBACK_URL),
    algorithm="sha1",
    encoding="base64",
)
# The guide's own sample code (`createHmac('sha1', secret).update(content)`) signs UTF-8 on Node 6+.
sign_utf8 = documented(
    SECRET,
    lambda signature, now: {"X-Trello-Webhook": signature},
    message=lambda body, now: body + CALLBACK_URL.encode(),
    algorithm="sha1",
    encoding="base64",
)

BODY = json.dumps(
    {
        "action": {
            "id": "51f9424bcd6e040f3c002412",
            "type": "updateCard",
            "data": {"card": {"name": "Über – launch 🎉"}},
        },
        "model": {"id": "4d5ea62fd76aa1136000000c", "name": "Trello Development"},
    },
    ensure_ascii=False,
).encode()

SAMPLE = Sample(
    secret=SECRET,
    sign=sign_binary,
    signature_header="X-Trello-Webhook",
    body=BODY,
    attributes={
        "event_type": "updateCard",
        "delivery_id": "51f9424bcd6e040f3c002412",
        "ce-source": "trello/4d5ea62fd76aa1136000000c",
        "ce-type": "trello.updateCard",
    },
    settings={"TRELLO_PUBLIC_URL": CALLBACK_URL},
    exchanges=(
        Exchange(method="HEAD", signed=False),
        Exchange(method="GET", signed=False),
    ),
    variants=(Exchange(body=BODY, headers=sign_utf8(BODY, 0)),),
    # A near miss: the emoji cut as one code point rather than as its two UTF-16 units.
    rejects=(
        Exchange(
            body=BODY,
            headers=documented(
                SECRET,
                lambda signature, now: {"X-Trello-Webhook": signature, "Content-Type": "application/json"},
                message=lambda body, now: bytes(ord(c) & 0xFF for c in body.decode() + CALLBACK_URL),
                algorithm="sha1",
                encoding="base64",
            )(BODY, 0),
            signed=False,
            status=401,
            answer=None,
        ),
    ),
)
