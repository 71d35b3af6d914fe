"""Quoter: a form POST of `hash`, `timestamp` and `data`; hash is the hex MD5 of
hash key + timestamp + data (not an HMAC); the timestamp must be within 5 minutes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from shared.crypto import equal
from shared.delivery import Delivery
from shared.errors import Unauthorized
from shared.provider import Provider, Retries
from shared.schemes import check_age, decode, parse_timestamp
from shared.secrets import Secrets


@dataclass(frozen=True, slots=True, kw_only=True)
class KeyedMd5:
    """md5(key + timestamp + data) over three form fields, as Quoter's PHP example checks it."""

    timestamp: str = "timestamp"
    tolerance: float = 300.0

    def __call__(self, delivery: Delivery, secrets: Secrets) -> None:
        if not delivery.is_form():
            raise Unauthorized("unsigned_body")
        fields = delivery.form()
        stamp, data, claimed = fields.get(self.timestamp), fields.get("data"), fields.get("hash")
        if stamp is None or data is None or not claimed:
            raise Unauthorized("missing_signature")
        digest = decode(claimed, "hex")
        if not digest:
            raise Unauthorized("bad_signature")
        message = (stamp + data).encode("utf-8")
        if not any(equal(hashlib.md5(s.value + message).digest(), digest) for s in secrets):
            raise Unauthorized("bad_signature")
        # "verify that the difference between the current timestamp and the timestamp parameter
        # is less than 5 minutes (300 seconds)".
        check_age(parse_timestamp(stamp, "s"), delivery.received_at, self.tolerance)


PROVIDER = Provider(
    id="quoter",
    docs="https://help.quoter.com/en/articles/2796480-integrate-with-webhooks",
    summary="hex MD5 of hash key + `timestamp` + `data`, form fields `hash`/`timestamp`/`data`; 300 s",
    # The hash key is optional in Quoter's settings; without one nothing can be verified, so this
    # receiver requires it (QUOTER_WEBHOOK_SECRET = the hash key).
    verify=KeyedMd5(),
    # `data` is the Quote, Person or Payment record as JSON or XML (chosen per webhook); Quoter
    # documents no event type or delivery id: ce-type is `quoter`, ce-id a generated UUID.
    # Quoter publishes no delivery timeout: the contract default.
    retries=Retries(
        retries=None,
        schedule="unknown (no source found)",
        source="https://help.quoter.com/en/articles/2796480-integrate-with-webhooks",
    ),
)
