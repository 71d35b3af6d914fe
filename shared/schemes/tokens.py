"""Shared secrets sent as they are: a header (Token, NamedToken), a query parameter
(QueryToken), HTTP Basic credentials (BasicAuth)."""

from __future__ import annotations

import base64
from dataclasses import dataclass

from shared.crypto import equal
from shared.delivery import Delivery
from shared.errors import Unauthorized
from shared.schemes.parts import decode
from shared.secrets import Secrets


class Checked:
    """A check that needs nothing of the body, already passed: what `stream()` returns here."""

    def update(self, chunk: bytes) -> None:
        """The body is not part of the check."""

    def verify(self) -> None:
        """Already verified from the headers (or query)."""


def before_body(scheme, delivery: Delivery, secrets: Secrets) -> Checked:
    """`stream()` for the schemes of this module: the whole check, before a large body is read.

    The claim check (issue 14) then streams the body to Cloud Storage without holding it.
    """
    scheme(delivery, secrets)
    return Checked()


@dataclass(frozen=True, slots=True, kw_only=True)
class Token:
    """A shared secret sent as is in a header (GitLab, Okta, the generic seed)."""

    header: str
    prefix: str = ""

    stream = before_body

    def __call__(self, delivery: Delivery, secrets: Secrets) -> None:
        value = delivery.header(self.header)
        if value is None or not value.startswith(self.prefix):
            raise Unauthorized("missing_token")
        claimed = value[len(self.prefix) :].encode("utf-8")
        if not any(equal(s.value, claimed) for s in secrets):
            raise Unauthorized("bad_token")

    def sign(self, delivery: Delivery, secret: bytes) -> dict[str, str]:
        """The header a sender would add: the secret itself."""
        return {self.header: self.prefix + secret.decode("utf-8")}


@dataclass(frozen=True, slots=True, kw_only=True)
class NamedToken:
    """The secret as the value of a header the operator names in `<ID>_HEADER` (Okta, Dialogflow)."""

    default: str

    def _token(self, delivery: Delivery) -> Token:
        from shared.secrets import setting

        return Token(header=setting(delivery.provider, "HEADER", self.default))

    stream = before_body

    def __call__(self, delivery: Delivery, secrets: Secrets) -> None:
        self._token(delivery)(delivery, secrets)

    def sign(self, delivery: Delivery, secret: bytes) -> dict[str, str]:
        """The header a sender would add: the secret itself."""
        return self._token(delivery).sign(delivery, secret)


@dataclass(frozen=True, slots=True, kw_only=True)
class QueryToken:
    """A shared secret in a query parameter of the URL the provider calls (Cloud Monitoring)."""

    param: str

    stream = before_body

    def __call__(self, delivery: Delivery, secrets: Secrets) -> None:
        value = delivery.query.get(self.param)
        if not value:
            raise Unauthorized("missing_token")
        claimed = value.encode("utf-8")
        if not any(equal(s.value, claimed) for s in secrets):
            raise Unauthorized("bad_token")


@dataclass(frozen=True, slots=True, kw_only=True)
class BasicAuth:
    """HTTP Basic credentials; each configured value is `user:password` (Postmark)."""

    header: str = "Authorization"

    stream = before_body

    def __call__(self, delivery: Delivery, secrets: Secrets) -> None:
        value = delivery.header(self.header)
        scheme, _, encoded = (value or "").strip().partition(" ")
        if scheme.lower() != "basic" or not encoded:
            raise Unauthorized("missing_credentials")
        credentials = decode(encoded.strip(), "base64")
        if credentials is None or not any(equal(s.value, credentials) for s in secrets):
            raise Unauthorized("bad_credentials")

    def sign(self, delivery: Delivery, secret: bytes) -> dict[str, str]:
        """The header a sender would add: the credentials, base64."""
        return {self.header: "Basic " + base64.b64encode(secret).decode("ascii")}
