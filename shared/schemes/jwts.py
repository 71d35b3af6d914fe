"""JWTs: signed with the shared secret and addressed to this endpoint (Jwt), or carrying
the body's hash (JwtBodyHash)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from shared.crypto import equal
from shared.delivery import Delivery
from shared.errors import Unauthorized
from shared.schemes.parts import Encoding, decode, encode
from shared.secrets import Secrets


@dataclass(frozen=True, slots=True, kw_only=True)
class JwtBodyHash:
    """A JWT whose claim holds the SHA-256 of the body (Netlify: HS256, hex; FusionAuth: base64).

    Each configured value is an HMAC secret or, for the RS/ES algorithms, the sender's public
    key as one-line base64 DER (SubjectPublicKeyInfo). pyjwt refuses a public key as an HMAC
    secret, so a token cannot switch a public key into a shared one.
    """

    header: str
    issuer: str | None = None
    claim: str = "sha256"
    algorithms: tuple[str, ...] = ("HS256",)
    encoding: Encoding = "hex"

    def _claims(self, token: str, key: Any) -> dict | None:
        jwt = _pyjwt()

        required = [self.claim, *(["iss"] if self.issuer else [])]
        try:
            # The algorithms are pinned: a token naming `none` or another algorithm never verifies.
            return jwt.decode(
                token, key, algorithms=list(self.algorithms), issuer=self.issuer, options={"require": required}
            )
        except (jwt.PyJWTError, ValueError, TypeError):
            return None

    def __call__(self, delivery: Delivery, secrets: Secrets) -> None:
        token = delivery.header(self.header)
        if not token:
            raise Unauthorized("missing_signature")
        keys = [_jwt_key(s.value) for s in secrets]
        verified = next((c for c in (self._claims(token, key) for key in keys) if c is not None), None)
        if verified is None:
            raise Unauthorized("bad_signature")
        claimed = verified.get(self.claim)
        body_hash = decode(claimed, self.encoding) if isinstance(claimed, str) else None
        if body_hash is None or not equal(hashlib.sha256(delivery.body).digest(), body_hash):
            raise Unauthorized("bad_body_hash")

    def sign(self, delivery: Delivery, secret: bytes) -> dict[str, str]:
        """The header a sender would add (HMAC only): for the curl helper only, never for tests."""
        jwt = _pyjwt()

        claims = {self.claim: encode(hashlib.sha256(delivery.body).digest(), self.encoding)}
        if self.issuer:
            claims["iss"] = self.issuer
        return {self.header: jwt.encode(claims, secret, algorithm=self.algorithms[0])}


@dataclass(frozen=True, slots=True, kw_only=True)
class Jwt:
    """A JWT signed with the shared secret in a header, addressed to this endpoint (monday.com).

    The algorithm is pinned; `exp` and `aud` are required, and `aud` must be the URL called
    or one of `<ID>_AUDIENCE` (the same rule as Google-signed tokens). A `Bearer ` prefix
    is optional.
    """

    header: str = "Authorization"
    algorithm: str = "HS256"
    leeway: float = 10.0  # seconds of clock skew allowed on `exp`

    def _claims(self, token: str, key: bytes, audience: list[str]) -> dict | None:
        jwt = _pyjwt()

        try:
            # `exp` is checked below against the delivery's own clock (time is a parameter).
            return jwt.decode(
                token,
                key,
                algorithms=[self.algorithm],
                audience=audience,
                options={"require": ["exp", "aud"], "verify_exp": False},
            )
        except (jwt.InvalidTokenError, ValueError, TypeError):
            return None

    def __call__(self, delivery: Delivery, secrets: Secrets) -> None:
        from shared.google_token import audiences

        value = (delivery.header(self.header) or "").strip()
        kind, _, rest = value.partition(" ")
        token = rest.strip() if kind.lower() == "bearer" else value
        if not token:
            raise Unauthorized("missing_token")
        audience = audiences(delivery)
        verified = next((c for c in (self._claims(token, s.value, audience) for s in secrets) if c is not None), None)
        if verified is None:
            raise Unauthorized("bad_token")
        expiry = verified.get("exp")
        if not isinstance(expiry, int | float) or isinstance(expiry, bool):
            raise Unauthorized("bad_token")
        if delivery.received_at > expiry + self.leeway:
            raise Unauthorized("expired_token")

    def sign(self, delivery: Delivery, secret: bytes) -> dict[str, str]:
        """The header a sender would add: for the curl helper only, never for tests."""
        jwt = _pyjwt()

        from shared.google_token import audiences

        claims = {"aud": audiences(delivery)[0], "exp": int(delivery.received_at) + 300}
        return {self.header: jwt.encode(claims, secret, algorithm=self.algorithm)}


@lru_cache(maxsize=1)
def _pyjwt() -> Any:
    """pyjwt, its warning about short HMAC keys silenced: the key is the sender's choice, and a
    warning on stderr for every delivery would flood the logs."""
    import warnings

    import jwt

    warnings.filterwarnings("ignore", category=jwt.InsecureKeyLengthWarning)
    return jwt


@lru_cache(maxsize=32)
def _jwt_key(value: bytes) -> Any:
    """A public key when the value is one (PEM or base64 DER, read by `public_key`), else the
    value itself (an HMAC secret)."""
    from shared.schemes.public_key import public_key

    key = public_key(value)
    return value if key is None else key
