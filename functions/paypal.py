"""PayPal (REST webhooks): SHA256withRSA in PAYPAL-TRANSMISSION-SIG over
`transmission id|transmission time|webhook id|CRC32 of the body`, verified offline with the
certificate at PAYPAL-CERT-URL, which must be one of PayPal's API hosts."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from shared import certificates
from shared.delivery import Delivery
from shared.errors import Unauthorized
from shared.provider import Provider, Retries, header, json_field
from shared.secrets import Secrets

CERT_HOSTS = ("api.paypal.com", "api-m.paypal.com", "api.sandbox.paypal.com", "api-m.sandbox.paypal.com")
CERT_PATH = "/v1/notifications/certs/"
HEADERS = ("PAYPAL-TRANSMISSION-ID", "PAYPAL-TRANSMISSION-TIME", "PAYPAL-TRANSMISSION-SIG", "PAYPAL-CERT-URL")


def certificate_url(value: str) -> str:
    """PAYPAL-CERT-URL when it is https on a PayPal API host under its certs path, else a 401."""
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        raise Unauthorized("bad_certificate_url") from None
    if (
        parts.scheme != "https"
        or port is not None
        or parts.username
        or parts.password
        or parts.query
        or parts.hostname not in CERT_HOSTS
        or not parts.path.startswith(CERT_PATH)
    ):
        raise Unauthorized("bad_certificate_url")
    return value


def signing_key(certificate: Any, now: float) -> Any:
    """The certificate's RSA key, when it is PayPal's (CN `*.paypal.com`, as paypalrestsdk checks) and current."""
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    names = [str(a.value).lower() for a in certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)]
    moment = datetime.fromtimestamp(now, UTC)
    key = certificate.public_key()
    if (
        not any(name.endswith(".paypal.com") for name in names)
        or not certificate.not_valid_before_utc <= moment <= certificate.not_valid_after_utc
        or not isinstance(key, rsa.RSAPublicKey)
    ):
        raise Unauthorized("bad_certificate")
    return key


@dataclass(frozen=True, slots=True, kw_only=True)
class PayPalSignature:
    """The transmission signature; the configured secrets are the webhook IDs it may be addressed to."""

    def __call__(self, delivery: Delivery, secrets: Secrets) -> None:
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding

        transmission, moment, signature, url = (delivery.header(name) for name in HEADERS)
        if not (transmission and moment and signature and url):
            raise Unauthorized("missing_signature")
        if (delivery.header("PAYPAL-AUTH-ALGO") or "SHA256withRSA") != "SHA256withRSA":
            raise Unauthorized("bad_algorithm")
        try:
            raw = base64.b64decode(signature.strip(), validate=True)
        except ValueError:
            raise Unauthorized("bad_signature") from None
        key = signing_key(certificates.fetch(delivery, certificate_url(url)), delivery.received_at)
        crc = binascii.crc32(delivery.body) & 0xFFFFFFFF
        for secret in secrets:
            message = b"|".join((transmission.encode(), moment.encode(), secret.value, str(crc).encode()))
            try:
                key.verify(raw, message, padding.PKCS1v15(), hashes.SHA256())
                return
            except InvalidSignature:
                continue
        raise Unauthorized("bad_signature")


PROVIDER = Provider(
    id="paypal",
    docs="https://developer.paypal.com/api/rest/webhooks/rest/",
    summary="SHA256withRSA of `id|time|webhook id|crc32(body)`, `PAYPAL-TRANSMISSION-SIG`, cert from a PayPal API host",
    verify=PayPalSignature(),
    secret="WEBHOOK_ID",
    event_type=json_field("event_type"),
    # The event id is kept across PayPal's retries; each transmission has its own id.
    delivery_id=json_field("id"),
    time=json_field("create_time"),
    attributes={"transmission_id": header("PAYPAL-TRANSMISSION-ID")},
    # PayPal documents no response deadline (it retries up to 25 times over 3 days): 10 s assumed.
    timeout=10,
    variables=("PAYPAL_CERTS_URL",),
    retries=Retries(
        retries=True,
        on="non-2xx",
        schedule="up to 25 retries over 3 days",
        source="https://developer.paypal.com/api/rest/webhooks/rest/",
    ),
)
