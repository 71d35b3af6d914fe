import json

from tests.signers import Exchange, Sample, documented

SECRET = "trello-app-secret-0f9e8d7c6b5a"
CALLBACK_URL = "https://hooks.example.com/trello"

SAMPLE = Sample(
    secret=SECRET,
    # No Trello SDK signs: base64 HMAC-SHA1 of the body followed by the callbackURL,
    # keyed with the application's secret (Trello webhooks guide).
    sign=documented(
        SECRET,
        lambda signature, now: {"X-Trello-Webhook": signature},
        message=lambda body, now: body + CALLBACK_URL.encode(),
        algorithm="sha1",
        encoding="base64",
    ),
    signature_header="X-Trello-Webhook",
    body=json.dumps(
        {
            "action": {"id": "51f9424bcd6e040f3c002412", "type": "updateCard", "data": {"card": {"name": "Über"}}},
            "model": {"id": "4d5ea62fd76aa1136000000c", "name": "Trello Development"},
        },
        ensure_ascii=False,
    ).encode(),
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
)
