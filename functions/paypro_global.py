"""PayPro Global IPN: the form field `SIGNATURE`, hex SHA-256 of ORDER_ID, ORDER_STATUS,
ORDER_TOTAL_AMOUNT, CUSTOMER_EMAIL, the validation key, TEST_MODE and IPN_TYPE_NAME, concatenated.

The configured secret is the store's validation key (Store Settings -> General settings ->
Integration). The older `HASH` field (MD5 of order id + secret key, MD5("1") for every test order)
is not used: a test order's hash is the same for everyone.
"""

from __future__ import annotations

import hashlib

from shared.crypto import equal
from shared.delivery import Delivery
from shared.errors import Unauthorized
from shared.provider import Provider, Retries, form_field
from shared.schemes import decode
from shared.secrets import Secrets

# The order of the "SIGNATURE" row of Webhook Parameters; the validation key goes between
# CUSTOMER_EMAIL and TEST_MODE.
BEFORE_KEY = ("ORDER_ID", "ORDER_STATUS", "ORDER_TOTAL_AMOUNT", "CUSTOMER_EMAIL")
AFTER_KEY = ("TEST_MODE", "IPN_TYPE_NAME")


def verify(delivery: Delivery, secrets: Secrets) -> None:
    """`SIGNATURE` against SHA-256 of the listed form values with the validation key among them."""
    form = delivery.form()
    claimed = decode(form.get("SIGNATURE", "").strip(), "hex")
    if not claimed:
        raise Unauthorized("missing_signature")
    before = "".join(form.get(name, "") for name in BEFORE_KEY).encode("utf-8")
    after = "".join(form.get(name, "") for name in AFTER_KEY).encode("utf-8")
    if not any(equal(hashlib.sha256(before + s.value + after).digest(), claimed) for s in secrets):
        raise Unauthorized("bad_signature")


PROVIDER = Provider(
    id="paypro_global",
    docs="https://developers.payproglobal.com/docs/integrate-with-paypro-global/webhook-ipn/",
    summary="SHA-256 hex of 4 form fields + validation key + TEST_MODE + IPN_TYPE_NAME, form field `SIGNATURE`",
    verify=verify,
    # Form-encoded; the type name (`OrderCharged`, ...) beside its numeric IPN_TYPE_ID.
    event_type=form_field("IPN_TYPE_NAME"),
    # No notification id: ORDER_ID is shared by an order's charge, refund and chargeback.
    retry=form_field("IS_RESENT"),
    attributes={"order_id": form_field("ORDER_ID"), "subscription_id": form_field("SUBSCRIPTION_ID")},
    # A LicenseRequested IPN wants the license key as its answer; a relay cannot give one, so
    # that type needs its own key generator URL, not this function.
    retries=Retries(
        retries=True,
        on="any answer but 200",
        schedule="every 30 min, max 3 attempts; then email to contact / Failed IPNs address",
        source="https://developers.payproglobal.com/docs/integrate-with-paypro-global/webhook-ipn/",
    ),
)
