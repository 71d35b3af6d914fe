import copy
import json

from Adyen.util import generate_notification_sig

from tests.signers import Sample, flip

# Adyen HMAC keys are hex; the signature comes from Adyen's own Python library.
SECRET = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056"
ITEM = {
    "eventCode": "AUTHORISATION",
    "success": "true",
    "eventDate": "2019-06-28T18:03:50+01:00",
    "merchantAccountCode": "YOUR_MERCHANT_ACCOUNT",
    "pspReference": "7914073381342284",
    "merchantReference": "YOUR_REFERENCE",
    "amount": {"value": 1130, "currency": "EUR"},
}


def body(item: dict, key: str = SECRET, signature: str | None = None) -> bytes:
    signed = copy.deepcopy(item)
    signed["additionalData"] = {
        "hmacSignature": signature or generate_notification_sig(item, key).decode(),
        "authCode": "58747",
    }
    return json.dumps({"live": "false", "notificationItems": [{"NotificationRequestItem": signed}]}).encode()


GOOD = body(ITEM)

SAMPLE = Sample(
    secret=SECRET,
    sign=lambda body, now: {},
    signature_header=None,
    resigns=False,
    body=GOOD,
    # Only the listed fields are signed: other bytes of the body may change.
    signs_body=False,
    forgeries=(
        lambda now: json.dumps({"live": "false", "notificationItems": [{"NotificationRequestItem": ITEM}]}).encode(),
        lambda now: body(
            ITEM,
            signature=flip(
                json.loads(GOOD)["notificationItems"][0]["NotificationRequestItem"]["additionalData"]["hmacSignature"]
            ),
        ),
        lambda now: body(ITEM, key="00" * 32),
        lambda now: GOOD.replace(b'"value": 1130', b'"value": 11300'),
        lambda now: json.dumps({"live": "false", "notificationItems": []}).encode(),
    ),
    ack=(200, b"[accepted]"),
    attributes={
        "event_type": "AUTHORISATION",
        "delivery_id": "AUTHORISATION:7914073381342284",
        "ce-source": "adyen/YOUR_MERCHANT_ACCOUNT",
    },
)
