"""Amazon SNS (HTTP/S subscriptions): the message's own RSA signature (SignatureVersion 1: SHA1withRSA,
2: SHA256withRSA) over its canonical string, with the certificate at SigningCertURL, which must be
served by https://sns.<region>.amazonaws.com; the TopicArn must be one this function is set up for."""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from shared import certificates
from shared.crypto import equal
from shared.delivery import Delivery
from shared.errors import Unauthorized
from shared.provider import Provider, Retries, first, header, json_field
from shared.schemes import text_bytes
from shared.secrets import Secrets

# aws/aws-js-sns-message-validator's default hostPattern.
HOST = re.compile(r"^sns\.[a-zA-Z0-9\-]{3,}\.amazonaws\.com(\.cn)?$")
# The fields each type signs, in order (docs.aws.amazon.com/sns, verify-signature-of-message).
SIGNED = {
    "Notification": ("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"),
    "SubscriptionConfirmation": ("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"),
    "UnsubscribeConfirmation": ("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"),
}
HASHES = {"1": "SHA1", "2": "SHA256"}


def string_to_sign(message: dict[str, Any]) -> bytes:
    """`Key\\nValue\\n` for each signed field of the message's type; an absent Subject is left out."""
    fields = SIGNED.get(message.get("Type"))  # type: ignore[arg-type]
    if fields is None:
        raise Unauthorized("unknown_type")
    parts = []
    for name in fields:
        value = message.get(name)
        if value is None and name == "Subject":
            continue
        if not isinstance(value, str):
            raise Unauthorized("missing_field")
        parts.append(f"{name}\n{value}\n")
    return text_bytes("".join(parts))


def certificate_url(value: Any) -> str:
    """SigningCertURL when it is https on an SNS host (no port, no credentials), else a 401."""
    if not isinstance(value, str):
        raise Unauthorized("missing_certificate")
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        raise Unauthorized("bad_certificate_url") from None
    host = parts.hostname or ""
    if parts.scheme != "https" or port is not None or parts.username or parts.password or not HOST.match(host):
        raise Unauthorized("bad_certificate_url")
    if not parts.path.endswith(".pem"):
        raise Unauthorized("bad_certificate_url")
    return value


@dataclass(frozen=True, slots=True, kw_only=True)
class SnsSignature:
    """The signature inside the message; the configured secrets are the allowed TopicArns."""

    def __call__(self, delivery: Delivery, secrets: Secrets) -> None:
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding, rsa

        message = delivery.json()
        if not isinstance(message, dict):
            raise Unauthorized("missing_signature")
        algorithm = HASHES.get(message.get("SignatureVersion"))  # type: ignore[arg-type]
        signature = message.get("Signature")
        if algorithm is None or not isinstance(signature, str):
            raise Unauthorized("missing_signature")
        try:
            raw = base64.b64decode(signature, validate=True)
        except ValueError:
            raise Unauthorized("bad_signature") from None
        signed = string_to_sign(message)
        # Checked before anything is fetched: a message for a topic not ours costs no request.
        topic = message.get("TopicArn")
        if not isinstance(topic, str) or not any(equal(s.value, text_bytes(topic)) for s in secrets):
            raise Unauthorized("wrong_topic")
        key = certificates.fetch(delivery, certificate_url(message.get("SigningCertURL"))).public_key()
        if not isinstance(key, rsa.RSAPublicKey):
            raise Unauthorized("bad_certificate")
        try:
            key.verify(raw, signed, padding.PKCS1v15(), getattr(hashes, algorithm)())
        except InvalidSignature:
            raise Unauthorized("bad_signature") from None


PROVIDER = Provider(
    id="aws_sns",
    docs="https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html",
    summary="RSA (SHA1/SHA256) over the message's canonical fields, cert from an `sns.<region>.amazonaws.com` URL",
    verify=SnsSignature(),
    secret="TOPIC_ARNS",
    # `Notification`, `SubscriptionConfirmation` or `UnsubscribeConfirmation`: all three are published,
    # so a consumer (or an operator) confirms a subscription by visiting its SubscribeURL.
    event_type=first(json_field("Type"), header("x-amz-sns-message-type")),
    # The signed body's id first; the header (the same id, unsigned) for the oversize log line.
    delivery_id=first(json_field("MessageId"), header("x-amz-sns-message-id")),
    source=json_field("TopicArn"),
    time=json_field("Timestamp"),
    attributes={"subscription_arn": header("x-amz-sns-subscription-arn")},
    # SNS documents no response deadline for HTTP/S endpoints: 10 s assumed.
    timeout=10,
    variables=("AWS_SNS_CERTS_URL",),
    retries=Retries(
        retries=True,
        on="server-side errors / endpoint unavailable (HTTP/S)",
        schedule="default 3 retries 20 s apart; custom policy up to 3600 s total",
        disables="message discarded or sent to DLQ",
        source="https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html",
    ),
)
