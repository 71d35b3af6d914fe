"""Schemes that read the body itself: signed fields beside the signature (BodyFields), a
signed timestamp inside it (BodyTimestamp), a secret in a field (BodyToken), another scheme
tried only on a JSON object (ObjectBody), the body before its Content-Encoding (Inflated)."""

from __future__ import annotations

import hmac
import json
from dataclasses import dataclass
from typing import Any, Literal

from shared.crypto import equal
from shared.delivery import Delivery
from shared.errors import Unauthorized
from shared.schemes.parts import Verify, check_age, decode, parse_timestamp, text_bytes
from shared.secrets import Secrets


@dataclass(frozen=True, slots=True, kw_only=True)
class BodyFields:
    """An HMAC over fields the provider puts in the body itself, beside the signature (Mailgun).

    JSON bodies hold the fields in the object `container`; form bodies at the top level.
    The rest of the body is not covered by the signature.
    """

    container: str = "signature"
    signed: tuple[str, ...] = ("timestamp", "token")
    signature: str = "signature"
    # More signatures of the same bytes that may verify instead: Mailgun adds
    # `parent-signature`, made with the primary account's key, to subaccount events.
    alternatives: tuple[str, ...] = ()
    timestamp: str | None = "timestamp"
    algorithm: str = "sha256"
    tolerance: float = 900.0

    def _fields(self, delivery: Delivery) -> dict[str, Any]:
        if delivery.is_form():
            return dict(delivery.form())
        document = delivery.json()
        inner = document.get(self.container) if isinstance(document, dict) else None
        return inner if isinstance(inner, dict) else {}

    def __call__(self, delivery: Delivery, secrets: Secrets) -> None:
        fields = self._fields(delivery)
        values = [fields.get(name) for name in (*self.signed, self.signature)]
        if not all(isinstance(value, str | int) and not isinstance(value, bool) for value in values):
            raise Unauthorized("missing_signature")
        names = (self.signature, *self.alternatives)
        claims = [decode(fields[name], "hex") for name in names if isinstance(fields.get(name), str)]
        claims = [claim for claim in claims if claim]
        if not claims:
            raise Unauthorized("bad_signature")
        message = text_bytes("".join(str(fields[name]) for name in self.signed))
        if not any(
            equal(hmac.new(s.value, message, self.algorithm).digest(), claim) for s in secrets for claim in claims
        ):
            raise Unauthorized("bad_signature")
        if self.timestamp:
            check_age(parse_timestamp(str(fields[self.timestamp]), "s"), delivery.received_at, self.tolerance)


@dataclass(frozen=True, slots=True, kw_only=True)
class BodyTimestamp:
    """Another scheme, plus a freshness check on a timestamp the signed body carries (Linear)."""

    verify: Verify
    field: str
    unit: Literal["s", "ms", "rfc3339"] = "ms"
    tolerance: float = 60.0

    def __call__(self, delivery: Delivery, secrets: Secrets) -> None:
        self.verify(delivery, secrets)
        # Parsed only once the body is authentic.
        document = delivery.json()
        value = document.get(self.field) if isinstance(document, dict) else None
        if not isinstance(value, str | int) or isinstance(value, bool):
            raise Unauthorized("missing_timestamp")
        check_age(parse_timestamp(str(value), self.unit), delivery.received_at, self.tolerance)

    def sign(self, delivery: Delivery, secret: bytes) -> dict[str, str]:
        """The inner scheme's headers (the body must carry a fresh timestamp itself)."""
        return self.verify.sign(delivery, secret)  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True, kw_only=True)
class ObjectBody:
    """Another scheme, tried only when the body is a JSON object.

    For a signature reading that is also how a handshake is answered (LinkedIn's HMAC of the
    body is its answer to a GET `challengeCode`): a challenge is never a JSON object, so the
    answer to one can never sign a delivery.
    """

    verify: Verify

    def __call__(self, delivery: Delivery, secrets: Secrets) -> None:
        try:
            document = json.loads(delivery.body)
        except (ValueError, RecursionError):
            document = None
        if not isinstance(document, dict):
            raise Unauthorized("not_json_object")
        self.verify(delivery, secrets)


@dataclass(frozen=True, slots=True, kw_only=True)
class BodyToken:
    """A shared secret in a top-level field of the JSON body (Meraki, Cloudprinter): nothing
    signed, and the secret is part of the published body."""

    field: str

    def __call__(self, delivery: Delivery, secrets: Secrets) -> None:
        document = delivery.json()
        value = document.get(self.field) if isinstance(document, dict) else None
        if not isinstance(value, str) or not value:
            raise Unauthorized("missing_token")
        claimed = text_bytes(value)
        if not any(equal(s.value, claimed) for s in secrets):
            raise Unauthorized("bad_token")


@dataclass(frozen=True, slots=True, kw_only=True)
class Inflated:
    """Another scheme over the body before its Content-Encoding, for senders that sign the plain
    bytes and compress them for the wire (Scrapfly, Airship); bounded, a zip bomb is a 413.

    `either`: the signature may instead be over the bytes as received, for a sender whose docs
    say neither (Vercel drains); both readings need the secret.
    """

    verify: Verify
    encodings: tuple[str, ...] = ("gzip",)
    either: bool = False

    def __call__(self, delivery: Delivery, secrets: Secrets) -> None:
        from shared.encoding import decoded

        plain = decoded(delivery, self.encodings)
        if plain is delivery:
            self.verify(delivery, secrets)
            return
        try:
            self.verify(plain, secrets)
        except Unauthorized:
            if not self.either:
                raise
            self.verify(delivery, secrets)

    def sign(self, delivery: Delivery, secret: bytes) -> dict[str, str]:
        """The inner scheme's headers over the plain body: for the curl helper only."""
        return self.verify.sign(delivery, secret)  # type: ignore[attr-defined]
