"""PublicKey: a signature made with the sender's private key (Ed25519, ECDSA P-256, RSA),
and how a configured public key is read."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from shared.delivery import Delivery
from shared.errors import NotConfigured, Unauthorized
from shared.schemes.parts import (
    Claim,
    Encoding,
    check_age,
    decode,
    parse_timestamp,
    read_parts,
    render,
    single,
    template,
)
from shared.secrets import Secrets

_PEM = re.compile(rb"-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \1-----", re.DOTALL)


@lru_cache(maxsize=32)
def public_key(value: bytes) -> Any:
    """A public key from the forms an operator pastes: PEM (SubjectPublicKeyInfo `PUBLIC KEY`,
    PKCS#1 `RSA PUBLIC KEY`, or an X.509 `CERTIFICATE`, whose key is taken), its line breaks
    real, CRLF, spaces or `\\n` escapes; or base64 DER of one of them. None when it is none.

    The one loader of configured public keys: every scheme reads its keys through it, then
    keeps those of its algorithm. Raw key bytes (Ed25519's 32) are read by that algorithm alone.
    """
    from cryptography import x509
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives.serialization import load_der_public_key

    text = value.strip()
    match = _PEM.search(text)
    body = match.group(2).replace(b"\\r", b"").replace(b"\\n", b"") if match else text
    try:
        der = base64.b64decode(b"".join(body.split()), validate=True)
    except ValueError:
        return None
    try:
        return load_der_public_key(der)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        pass
    try:
        return x509.load_der_x509_certificate(der).public_key()
    except (ValueError, TypeError, UnsupportedAlgorithm):
        return None


@lru_cache(maxsize=32)
def _ed25519_key(value: bytes) -> Any:
    """An Ed25519 public key: its 32 bytes as 64 hex characters (Discord shows it so), base64
    (Telnyx) or unpadded base64url (a JWK's `x`); or any form `public_key` reads (PEM,
    SubjectPublicKeyInfo DER); None when it is not one."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        text = value.decode("ascii").strip()
        raw = bytes.fromhex(text) if len(text) == 64 else decode(text, "base64") or decode(text, "base64url")
    except (ValueError, UnicodeDecodeError):
        raw = None
    if raw is not None and len(raw) == 32:
        return Ed25519PublicKey.from_public_bytes(raw)
    key = public_key(value)
    return key if isinstance(key, Ed25519PublicKey) else None


@lru_cache(maxsize=32)
def _p256_key(value: bytes) -> Any:
    """A P-256 public key in any form `public_key` reads; None when it is not one."""
    from cryptography.hazmat.primitives.asymmetric import ec

    key = public_key(value)
    if not isinstance(key, ec.EllipticCurvePublicKey) or not isinstance(key.curve, ec.SECP256R1):
        return None
    return key


@lru_cache(maxsize=32)
def rsa_public_key(value: bytes) -> Any:
    """An RSA public key in any form `public_key` reads; None when it is not one."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = public_key(value)
    return key if isinstance(key, rsa.RSAPublicKey) else None


def _verify_rsa(key: Any, signature: bytes, message: bytes) -> None:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    key.verify(signature, message, padding.PKCS1v15(), hashes.SHA256())


def _verify_rsa_pss_sha512(key: Any, signature: bytes, message: bytes) -> None:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    # The salt length is read from the signature (PSS.AUTO): Utila's length is known only from
    # third-party code, and any length is as sound a PSS signature as another.
    pss = padding.PSS(mgf=padding.MGF1(hashes.SHA512()), salt_length=padding.PSS.AUTO)
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
    "rsa-pss-sha512": (rsa_public_key, _verify_rsa_pss_sha512),  # RSASSA-PSS, SHA-512, any salt length (Utila)
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
        message = render(self._pieces, read_parts(delivery, timestamp, self.id, self._pieces[1::2]))
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
