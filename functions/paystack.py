"""Paystack: HMAC-SHA512 of the raw body with the secret key, hex, in x-paystack-signature."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="paystack",
    docs="https://paystack.com/docs/payments/webhooks/",
    summary="HMAC-SHA512 of the body with the secret key, `x-paystack-signature: <hex>`",
    verify=Hmac(header="x-paystack-signature", algorithm="sha512"),
    event_type=json_field("event"),
    retries=Retries(
        retries=True,
        on="any answer but 200, or no answer within 30 s",
        schedule="live: every 3 min for first 4 tries, then hourly for 72 h; test: hourly for 10 h",
        source="https://paystack.com/docs/payments/webhooks/",
    ),
)
