"""Paystack: HMAC-SHA512 of the raw body with the secret key, hex, in x-paystack-signature."""

from __future__ import annotations

from shared.provider import Provider, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="paystack",
    docs="https://paystack.com/docs/payments/webhooks/",
    summary="HMAC-SHA512 of the body with the secret key, `x-paystack-signature: <hex>`",
    verify=Hmac(header="x-paystack-signature", algorithm="sha512"),
    event_type=json_field("event"),
)
