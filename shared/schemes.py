"""The few signature schemes: an HMAC over parts of the request, and a shared token."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, Literal
from urllib.parse import parse_qs

from shared.crypto import equal
from shared.delivery import Delivery
from shared.errors import NotConfigured, Unauthorized
from shared.secrets import Secrets

Verify = Callable[[Delivery, Secrets], None]
"""Returns when the delivery is authentic, raises Unauthorized otherwise."""

PARTS = ("body", "body_sha256", "timestamp", "id", "url", "method", "path", "path_query", "form")
"""`{body_sha256}`: the hex SHA-256 of the body, for senders that sign its digest (Tebex).
`{form}`: a form body's parameters as `name + value`, sorted (Twilio, Mandrill): `sorted_form`."""
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """What a signature header claims: the signatures, and a timestamp if it carries one."""

    signatures: tuple[str, ...]
    timestamp: str | None = None


def single(value: str) -> Claim:
    """The whole header value is one signature."""
    return Claim(signatures=(value.strip(),))


def pairs(separator: str, key: str, timestamp_key: str | None = None) -> Callable[[str], Claim]:
    """Headers like `t=1,v1=ab,v1=cd` (Stripe) or `ts=1;h1=ab` (Paddle)."""

    def claims(value: str) -> Claim:
        items = [item.strip().partition("=")[::2] for item in value.split(separator)]
        return Claim(
            signatures=tuple(v for k, v in items if k == key),
            timestamp=next((v for k, v in items if k == timestamp_key), None),
        )

    return claims


def versioned(version: str) -> Callable[[str], Claim]:
    """Space-separated `v1,<sig>` entries (Standard Webhooks); other versions ignored."""

    def claims(value: str) -> Claim:
        entries = (entry.partition(",") for entry in value.split())
        return Claim(signatures=tuple(sig for v, _, sig in entries if v == version))

    return claims


def whsec(secret: bytes) -> bytes:
    """Standard Webhooks keys: `whsec_<base64>` is decoded; anything else is used as is."""
    if secret.startswith(b"whsec_"):
        try:
            return base64.b64decode(secret[6:], validate=True)
        except binascii.Error:
            raise Unauthorized("bad_secret_format") from None
    return secret


def base64_key(secret: bytes) -> bytes:
    """A secret configured in base64, decoded to the HMAC key (Airtable, Microsoft Teams)."""
    try:
        return base64.b64decode(secret.strip(), validate=True)
    except binascii.Error:
        raise Unauthorized("bad_secret_format") from None


def template(signed: str) -> tuple[str, ...]:
    """Split a `signed` template into literal and `{part}` pieces, checking the names."""
    names = _PLACEHOLDER.findall(signed)
    unknown = sorted(set(names) - set(PARTS))
    if unknown:
        raise ValueError(f"unknown parts {unknown} in signed template {signed!r}")
    return tuple(_PLACEHOLDER.split(signed))


def render(pieces: tuple[str, ...], parts: dict[str, bytes]) -> bytes:
    """Join the template in bytes: even pieces are literals, odd pieces part names."""
    return b"".join(parts[piece] if index % 2 else piece.encode("utf-8") for index, piece in enumerate(pieces))


def sorted_form(delivery: Delivery) -> bytes:
    """Each form parameter as `name + value`, names sorted and each name's distinct values
    sorted, as twilio-python's RequestValidator joins them (Mandrill sends one parameter)."""
    if not delivery.is_form():
        raise Unauthorized("unsigned_body")
    try:
        params = parse_qs(delivery.body.decode("utf-8"), keep_blank_values=True)
    except ValueError:
        raise Unauthorized("bad_form") from None
    return "".join(key + value for key in sorted(params) for value in sorted(set(params[key]))).encode("utf-8")


def parse_timestamp(value: str, unit: Literal["s", "ms", "rfc3339"]) -> float:
    """A signed timestamp as seconds since the epoch; garbage is a 401."""
    try:
        if unit == "rfc3339":
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
            # A time without an offset is UTC (Orb's X-Orb-Timestamp), never the host's zone.
            return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()
        number = float(int(value.strip()))
        return number / 1000 if unit == "ms" else number
    except (ValueError, OverflowError):
        raise Unauthorized("bad_timestamp") from None


def check_age(timestamp: float, now: float, tolerance: float) -> None:
    """Reject a signed timestamp further than `tolerance` seconds from now, either way."""
    if abs(now - timestamp) > tolerance:
        raise Unauthorized("stale_timestamp")


Encoding = Literal["hex", "base64", "base64url"]


def decode(value: str, encoding: Encoding) -> bytes | None:
    """A claimed signature as raw bytes, or None when it does not decode (it matches nothing)."""
    try:
        if encoding == "hex":
            return bytes.fromhex(value)
        if encoding == "base64url":
            # RFC 4648 section 5, usually sent without padding (Sanity). `altchars` maps `-_` onto
            # `+/`, so the standard alphabet's own `+/` must be refused here.
            if "+" in value or "/" in value:
                return None
            return base64.b64decode(value + "=" * (-len(value) % 4), altchars=b"-_", validate=True)
        return base64.b64decode(value, validate=True)
    except ValueError:
        return None


def encode(digest: bytes, encoding: Encoding) -> str:
    """A digest written the way a sender writes it in `encoding` (for local signing)."""
    if encoding == "hex":
        return digest.hex()
    if encoding == "base64url":
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    return base64.b64encode(digest).decode()


@dataclass(frozen=True, slots=True, kw_only=True)
class Hmac:
    """An HMAC over some bytes of the request, claimed in one header."""

    header: str
    algorithm: str = "sha256"
    encoding: Encoding = "hex"
    prefix: str = ""
    signed: str = "{body}"
    timestamp: str | None = None
    timestamp_unit: Literal["s", "ms", "rfc3339"] = "s"
    id: str | None = None
    # None: the timestamp is signed but its age is not checked, where the provider documents
    # no window (nor, reliably, the timestamp's unit).
    tolerance: float | None = 300.0
    claims: Callable[[str], Claim] = single
    layout: str = "{signature}"  # the header value as the sender writes it, for local signing
    key: Callable[[bytes], bytes] = lambda secret: secret
    also: tuple[str, ...] = ()  # more headers that may carry a signature (DocuSign's -2..-N, Box's secondary)
    _pieces: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        hashlib.new(self.algorithm)
        object.__setattr__(self, "_pieces", template(self.signed))
        needs = set(self._pieces[1::2])
        if "id" in needs and not self.id:
            raise ValueError("a template with {id} needs id=<header>")

    def __call__(self, delivery: Delivery, secrets: Secrets) -> None:
        values = [v for v in (delivery.header(name) for name in (self.header, *self.also)) if v is not None]
        if not values:
            raise Unauthorized("missing_signature")
        claims = [self.claims(value) for value in values]
        claim = Claim(
            signatures=tuple(sig for c in claims for sig in c.signatures),
            timestamp=next((c.timestamp for c in claims if c.timestamp is not None), None),
        )
        timestamp = claim.timestamp
        if self.timestamp:
            timestamp = delivery.header(self.timestamp)
        if (self.timestamp or "{timestamp}" in self.signed) and timestamp is None:
            raise Unauthorized("missing_timestamp")
        candidates = [sig[len(self.prefix) :] for sig in claim.signatures if sig.startswith(self.prefix)]
        if not candidates:
            raise Unauthorized("missing_signature")
        # A valid signature may stand beside ones we cannot decode (Stripe's `v0`, garbage).
        signatures = [raw for raw in (decode(sig, self.encoding) for sig in candidates) if raw]
        if not signatures:
            raise Unauthorized("bad_signature")
        message = render(self._pieces, _parts(delivery, timestamp, self.id, self._pieces[1::2]))
        if not any(
            equal(hmac.digest(self.key(s.value), message, self.algorithm), claimed)
            for s in secrets
            for claimed in signatures
        ):
            raise Unauthorized("bad_signature")
        # The age is checked after the MAC, so an attacker learns nothing from timing
        # the clock check with a forged timestamp.
        if timestamp is not None and self.tolerance is not None:
            check_age(parse_timestamp(timestamp, self.timestamp_unit), delivery.received_at, self.tolerance)

    def sign(self, delivery: Delivery, secret: bytes) -> dict[str, str]:
        """The headers a sender would add: for the curl helper only, never for tests."""
        timestamp = format_timestamp(delivery.received_at, self.timestamp_unit)
        parts = {
            "body": delivery.body,
            "timestamp": timestamp.encode(),
            "id": (delivery.header(self.id) or "").encode() if self.id else b"",
            "url": delivery.url.encode(),
            "method": delivery.method.encode(),
            "path": delivery.path.encode(),
            "path_query": delivery.path_query.encode(),
            "body_sha256": hashlib.sha256(delivery.body).hexdigest().encode(),
        }
        if "form" in self._pieces[1::2]:
            parts["form"] = sorted_form(delivery)
        digest = hmac.new(self.key(secret), render(self._pieces, parts), self.algorithm).digest()
        signature = encode(digest, self.encoding)
        headers = {self.header: self.layout.format(signature=self.prefix + signature, timestamp=timestamp)}
        if self.timestamp:
            headers[self.timestamp] = timestamp
        return headers


@dataclass(frozen=True, slots=True, kw_only=True)
class Token:
    """A shared secret sent as is in a header (GitLab, Okta, the generic seed)."""

    header: str
    prefix: str = ""

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
    """A public key when the value is base64 DER of one, else the value itself (an HMAC secret)."""
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives.serialization import load_der_public_key

    try:
        return load_der_public_key(base64.b64decode(value.strip(), validate=True))
    except (ValueError, TypeError, UnsupportedAlgorithm):
        return value


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


@dataclass(frozen=True, slots=True, kw_only=True)
class QueryToken:
    """A shared secret in a query parameter of the URL the provider calls (Cloud Monitoring)."""

    param: str

    def __call__(self, delivery: Delivery, secrets: Secrets) -> None:
        value = delivery.query.get(self.param)
        if not value:
            raise Unauthorized("missing_token")
        claimed = value.encode("utf-8")
        if not any(equal(s.value, claimed) for s in secrets):
            raise Unauthorized("bad_token")


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
        claimed = value.encode("utf-8")
        if not any(equal(s.value, claimed) for s in secrets):
            raise Unauthorized("bad_token")


@dataclass(frozen=True, slots=True)
class Either:
    """Any one of several schemes verifies (a provider that offers a choice of authentication)."""

    schemes: tuple[Verify, ...]

    def __call__(self, delivery: Delivery, secrets: Secrets) -> None:
        errors: list[Unauthorized] = []
        for scheme in self.schemes:
            try:
                scheme(delivery, secrets)
                return
            except Unauthorized as error:
                errors.append(error)
        # Report a credential that was present but wrong before one that was absent.
        raise next((e for e in errors if not e.reason.startswith("missing")), errors[0])

    def sign(self, delivery: Delivery, secret: bytes) -> dict[str, str]:
        """Sign as the first scheme that can sign in headers."""
        signer = next((s for s in self.schemes if hasattr(s, "sign")), None)
        if signer is None:
            raise TypeError("no scheme here signs in headers")
        return signer.sign(delivery, secret)  # type: ignore[attr-defined]


def either(*schemes: Verify) -> Either:
    """A scheme that accepts a delivery when any of `schemes` does."""
    if not schemes:
        raise ValueError("either() needs at least one scheme")
    return Either(schemes)


def _parts(
    delivery: Delivery, timestamp: str | None, id_header: str | None, names: tuple[str, ...]
) -> dict[str, bytes]:
    """The named parts a `signed` template uses (only `names`: the URL costs a lookup), in bytes."""
    readers = {
        "body": lambda: delivery.body,
        "timestamp": lambda: (timestamp or "").encode("utf-8"),
        "id": lambda: (delivery.header(id_header) or "").encode("utf-8") if id_header else b"",
        "url": lambda: delivery.url.encode("utf-8"),
        "method": lambda: delivery.method.encode("ascii"),
        "path": lambda: delivery.path.encode("utf-8"),
        "path_query": lambda: delivery.path_query.encode("utf-8"),
        "body_sha256": lambda: hashlib.sha256(delivery.body).hexdigest().encode("ascii"),
        "form": lambda: sorted_form(delivery),
    }
    return {name: readers[name]() for name in names}


@lru_cache(maxsize=32)
def _p256_key(value: bytes) -> Any:
    """A P-256 public key from base64 DER (SubjectPublicKeyInfo) or PEM; None when it is not one."""
    from cryptography.hazmat.primitives.asymmetric import ec

    key = _public_key(value)
    if not isinstance(key, ec.EllipticCurvePublicKey) or not isinstance(key.curve, ec.SECP256R1):
        return None
    return key


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
        message = "".join(str(fields[name]) for name in self.signed).encode("utf-8")
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
class BasicAuth:
    """HTTP Basic credentials; each configured value is `user:password` (Postmark)."""

    header: str = "Authorization"

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


@dataclass(frozen=True, slots=True, kw_only=True)
class NamedToken:
    """The secret as the value of a header the operator names in `<ID>_HEADER` (Okta, Dialogflow)."""

    default: str

    def _token(self, delivery: Delivery) -> Token:
        from shared.secrets import setting

        return Token(header=setting(delivery.provider, "HEADER", self.default))

    def __call__(self, delivery: Delivery, secrets: Secrets) -> None:
        self._token(delivery)(delivery, secrets)

    def sign(self, delivery: Delivery, secret: bytes) -> dict[str, str]:
        """The header a sender would add: the secret itself."""
        return self._token(delivery).sign(delivery, secret)


def format_timestamp(seconds: float, unit: Literal["s", "ms", "rfc3339"]) -> str:
    """A time written the way a sender writes it in `unit` (for local signing)."""
    if unit == "rfc3339":
        return datetime.fromtimestamp(seconds, UTC).isoformat().replace("+00:00", "Z")
    return str(int(seconds * 1000)) if unit == "ms" else str(int(seconds))


@lru_cache(maxsize=32)
def _ed25519_key(value: bytes) -> Any:
    """An Ed25519 public key from 64 hex characters (Discord shows it so), base64 of its
    32 bytes (Telnyx) or unpadded base64url (Token.io, a JWK's `x`); None when it is not one."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        text = value.decode("ascii").strip()
        raw = bytes.fromhex(text) if len(text) == 64 else decode(text, "base64") or decode(text, "base64url")
        return Ed25519PublicKey.from_public_bytes(raw) if raw else None
    except (ValueError, UnicodeDecodeError):
        return None


@lru_cache(maxsize=32)
def rsa_public_key(value: bytes) -> Any:
    """An RSA public key from PEM (a `file:` or Secret Manager value) or one-line base64 DER."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = _public_key(value)
    return key if isinstance(key, rsa.RSAPublicKey) else None


def _public_key(value: bytes) -> Any:
    """A public key from PEM or one-line base64 DER (SubjectPublicKeyInfo); None when it is neither."""
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives.serialization import load_der_public_key, load_pem_public_key

    try:
        if value.lstrip().startswith(b"-----BEGIN"):
            return load_pem_public_key(value)
        return load_der_public_key(base64.b64decode(value, validate=True))
    except (ValueError, TypeError, UnsupportedAlgorithm):
        return None


def _verify_rsa(key: Any, signature: bytes, message: bytes) -> None:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    key.verify(signature, message, padding.PKCS1v15(), hashes.SHA256())


def _verify_rsa_pss_sha512(key: Any, signature: bytes, message: bytes) -> None:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    pss = padding.PSS(mgf=padding.MGF1(hashes.SHA512()), salt_length=padding.PSS.DIGEST_LENGTH)
    key.verify(signature, message, pss, hashes.SHA512())


def _verify_ed25519(key: Any, signature: bytes, message: bytes) -> None:
    key.verify(signature, message)


def _verify_p256(key: Any, signature: bytes, message: bytes) -> None:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec

    key.verify(signature, message, ec.ECDSA(hashes.SHA256()))


# How each algorithm reads a configured public key, and checks a signature with it.
ALGORITHMS: dict[str, tuple[Callable[[bytes], Any], Callable[[Any, bytes, bytes], None]]] = {
    "ed25519": (_ed25519_key, _verify_ed25519),
    "p256": (_p256_key, _verify_p256),
    "rsa": (rsa_public_key, _verify_rsa),  # RSASSA-PKCS1-v1_5 with SHA-256
    "rsa-pss-sha512": (rsa_public_key, _verify_rsa_pss_sha512),  # RSASSA-PSS, SHA-512, salt = digest (Utila)
}


@dataclass(frozen=True, slots=True, kw_only=True)
class PublicKey:
    """A signature made with the sender's private key over some bytes of the request.

    The configured values (`<ID>_PUBLIC_KEY`) are the sender's public keys; several verify
    during a rotation. A value that is not a key of the algorithm is a configuration
    error (503, the variable named in the log), never a 401 for every delivery.
    """

    header: str
    algorithm: Literal["ed25519", "p256", "rsa", "rsa-pss-sha512"]
    timestamp: str | None = None  # a header; else the timestamp `claims` finds in the signature header
    timestamp_unit: Literal["s", "ms", "rfc3339"] = "s"
    signed: str = "{timestamp}{body}"
    encoding: Encoding = "hex"
    tolerance: float = 300.0
    claims: Callable[[str], Claim] = single
    # Sign the SHA-256 digest of the signed bytes rather than the bytes (Bridge's "two passes").
    prehash: bool = False
    id: str | None = None  # the header `{id}` reads (WeChat Pay's Wechatpay-Nonce)
    _pieces: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.algorithm not in ALGORITHMS:
            raise ValueError(f"unknown algorithm {self.algorithm!r}")
        object.__setattr__(self, "_pieces", template(self.signed))
        if "id" in self._pieces[1::2] and not self.id:
            raise ValueError("a template with {id} needs id=<header>")

    def __call__(self, delivery: Delivery, secrets: Secrets) -> None:
        from cryptography.exceptions import InvalidSignature

        value = delivery.header(self.header)
        if value is None:
            raise Unauthorized("missing_signature")
        claim = self.claims(value)
        timestamp = delivery.header(self.timestamp) if self.timestamp else claim.timestamp
        if (self.timestamp or "{timestamp}" in self.signed) and timestamp is None:
            raise Unauthorized("missing_timestamp")
        signatures = [raw for raw in (decode(sig.strip(), self.encoding) for sig in claim.signatures) if raw]
        if not signatures:
            raise Unauthorized("bad_signature")
        read_key, check = ALGORITHMS[self.algorithm]
        keys = [key for key in (read_key(s.value) for s in secrets) if key is not None]
        if not keys:
            raise NotConfigured(f"{delivery.provider.upper()}_PUBLIC_KEY")
        message = render(self._pieces, _parts(delivery, timestamp, self.id, self._pieces[1::2]))
        if self.prehash:
            message = hashlib.sha256(message).digest()

        def valid(key: Any, signature: bytes) -> bool:
            try:
                check(key, signature, message)
            except (InvalidSignature, ValueError):
                return False
            return True

        if not any(valid(key, signature) for key in keys for signature in signatures):
            raise Unauthorized("bad_signature")
        # After the signature, as for Hmac: timing the clock check tells a forger nothing.
        if timestamp is not None:
            check_age(parse_timestamp(timestamp, self.timestamp_unit), delivery.received_at, self.tolerance)


def Ed25519(**fields: Any) -> PublicKey:  # noqa: N802 - reads as the scheme it declares
    """Ed25519, hex signature, hex key (Discord); `encoding="base64"` for base64 ones (Telnyx)."""
    return PublicKey(algorithm="ed25519", **fields)


def Ecdsa(**fields: Any) -> PublicKey:  # noqa: N802
    """ECDSA P-256/SHA-256, base64 DER signature, base64 DER or PEM key (SendGrid)."""
    return PublicKey(algorithm="p256", **{"encoding": "base64", **fields})


# The schemes above compute only from the request and the secrets: the async pipeline
# runs them on its event loop. Any other verify function (one that may fetch, such as
# Google-signed tokens) runs in a worker thread so it cannot stall every other request.
_PURE = (
    Hmac,
    Token,
    Jwt,
    JwtBodyHash,
    QueryToken,
    BodyToken,
    BodyFields,
    BodyTimestamp,
    BasicAuth,
    NamedToken,
    PublicKey,
)


def pure(verify: Verify) -> bool:
    """Whether `verify` never blocks on I/O (so it may run on the event loop)."""
    if isinstance(verify, Either):
        return all(pure(scheme) for scheme in verify.schemes)
    return isinstance(verify, _PURE)
