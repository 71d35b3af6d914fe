"""X.509 certificates fetched from a URL a signed message names (Amazon SNS, PayPal), and key
sets from a provider's JWKS URL (Fireblocks, Neon), cached.

The caller checks the URL (scheme, host, path) before anything is fetched. `<ID>_CERTS_URL`,
where set, replaces the checked URL's origin: tests serve their certificate on loopback, and
an operator may point at a mirror.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from shared.delivery import Delivery
from shared.errors import Unauthorized, Unavailable
from shared.google_token import CachedCerts
from shared.secrets import setting

CERTS = CachedCerts()


@lru_cache(maxsize=16)
def _certificate(pem: bytes) -> Any:
    from cryptography import x509

    try:
        return x509.load_pem_x509_certificate(pem)
    except ValueError:
        return None


def document(delivery: Delivery, url: str) -> bytes:
    """What the (already checked) `url`, or its `<ID>_CERTS_URL` mirror, serves, kept for its
    max-age; unreachable is a 503, any other answer than 200 a 401."""
    from google.auth import exceptions

    mirror = setting(delivery.provider, "CERTS_URL", "").rstrip("/")
    parts = urlsplit(url)
    target = f"{mirror}{parts.path}" if mirror else url
    try:
        response = CERTS(target)
    except exceptions.TransportError:
        raise Unavailable("certs_unavailable") from None
    if response.status != 200:
        raise Unauthorized("bad_certificate")
    return bytes(response.data)


def fetch(delivery: Delivery, url: str) -> Any:
    """The first certificate served at the (already checked) `url`; unreachable is a 503."""
    certificate = _certificate(document(delivery, url))
    if certificate is None:
        raise Unauthorized("bad_certificate")
    return certificate


@lru_cache(maxsize=16)
def key_set(jwks: bytes, key_class: type) -> dict[str, Any]:
    """The signing keys of a JWKS document that are `key_class` instances (a cryptography
    public key class), by kid; an unusable document has none."""
    import jwt

    try:
        keys = jwt.PyJWKSet.from_json(jwks.decode("utf-8")).keys
    except (jwt.PyJWTError, ValueError, TypeError, KeyError):
        return {}
    return {
        k.key_id: k.key for k in keys if k.key_id and isinstance(k.key, key_class) and k.public_key_use in (None, "sig")
    }
