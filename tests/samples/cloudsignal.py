import json

from tests.signers import Sample, flip

# Nothing is signed: a delivery is authentic when its `apikey` is the Webhook API key
# (docs.cloudprinter.com, CloudSignal Webhooks v2.0). The ItemShipped shape follows its example.
SECRET = "13b37bb1ed6d3403e158abe719b4f6d0"


def signal(**fields: object) -> bytes:
    base = {
        "apikey": SECRET,
        "type": "ItemShipped",
        "order": "123456780000",
        "item": "123456780001",
        "order_reference": "654321",
        "item_reference": "654321-1",
        "tracking": "1Z999AA10123456784",
        "shipping_option": "postal",
        "datetime": "2017-01-21T13:23:42+00:00",
    }
    return json.dumps({k: v for k, v in {**base, **fields}.items() if v is not None}).encode()


SAMPLE = Sample(
    secret=SECRET,
    sign=lambda body, now: {},
    signature_header=None,
    body=signal(),
    signs_body=False,  # the key is a bearer credential, not a MAC of the body
    forgeries=(
        lambda now: signal(apikey=None),
        lambda now: signal(apikey=flip(SECRET)),
        lambda now: signal(apikey="an-account-api-key-not-the-webhook-key"),
        lambda now: signal(apikey=""),
    ),
    attributes={
        "event_type": "ItemShipped",
        "order": "123456780000",
        "item": "123456780001",
        "ce-type": "cloudsignal.ItemShipped",
        "ce-source": "cloudsignal",
    },
)
