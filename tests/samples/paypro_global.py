import hashlib
from urllib.parse import urlencode

from tests.signers import Sample, flip

VALIDATION_KEY = "123qwerty"


def signature(fields: dict[str, str], key: str = VALIDATION_KEY) -> str:
    # No PayPro Global SDK: hashlib as the "SIGNATURE" row of Webhook Parameters describes,
    # SHA256({ORDER_ID}{ORDER_STATUS}{ORDER_TOTAL_AMOUNT}{CUSTOMER_EMAIL}{VALIDATION_KEY}{TEST_MODE}{IPN_TYPE_NAME}).
    text = (
        fields["ORDER_ID"]
        + fields["ORDER_STATUS"]
        + fields["ORDER_TOTAL_AMOUNT"]
        + fields["CUSTOMER_EMAIL"]
        + key
        + fields["TEST_MODE"]
        + fields["IPN_TYPE_NAME"]
    )
    return hashlib.sha256(text.encode()).hexdigest()


# The docs' own example, sha256("12345Processed9.99123qwerty1OrderCharged"), has no email: these
# are its values, with an email added so that the test also covers that field's place.
FIELDS = {
    "IPN_TYPE_ID": "1",
    "IPN_TYPE_NAME": "OrderCharged",
    "ORDER_ID": "12345",
    "ORDER_STATUS_ID": "5",
    "ORDER_STATUS": "Processed",
    "ORDER_TOTAL_AMOUNT": "9.99",
    "ORDER_CURRENCY_CODE": "USD",
    "PRODUCT_ID": "84432",
    "CUSTOMER_EMAIL": "jane@example.com",
    "SUBSCRIPTION_ID": "778899",
    "TEST_MODE": "1",
    "HASH": "c4ca4238a0b923820dcc509a6f75849b",
}


def form(fields: dict[str, str], signed: str | None) -> bytes:
    return urlencode(fields if signed is None else {**fields, "SIGNATURE": signed}).encode()


SAMPLE = Sample(
    secret=VALIDATION_KEY,
    sign=lambda body, now: {},
    signature_header=None,
    content_type="application/x-www-form-urlencoded",
    body=form(FIELDS, signature(FIELDS)),
    json=False,
    signs_body=False,  # only the seven values are signed
    forgeries=(
        lambda now: form(FIELDS, None),
        lambda now: form({**FIELDS, "ORDER_TOTAL_AMOUNT": "0.99"}, signature(FIELDS)),
        lambda now: form({**FIELDS, "IPN_TYPE_NAME": "OrderRefunded"}, signature(FIELDS)),
        lambda now: form({**FIELDS, "CUSTOMER_EMAIL": "mallory@example.com"}, signature(FIELDS)),
        lambda now: form({**FIELDS, "TEST_MODE": "0"}, signature(FIELDS)),
        lambda now: form(FIELDS, flip(signature(FIELDS))),
        lambda now: form(FIELDS, signature(FIELDS, key="another-validation-key")),
    ),
    attributes={
        "event_type": "OrderCharged",
        "order_id": "12345",
        "subscription_id": "778899",
        "ce-type": "paypro_global.OrderCharged",
    },
)
