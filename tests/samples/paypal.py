import base64
import binascii
import json

from tests.signers import Exchange, Sample, paypal_signing

WEBHOOK_ID = "9XL90610J3647323C"
CERT_URL = "https://api.sandbox.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-a5cafa77"
TRANSMISSION = "d938e770-8046-11e6-8103-6b62a8a99ac4"


def sign(body: bytes, now: int, key=None, cert_url: str = CERT_URL, webhook_id: str = WEBHOOK_ID) -> dict[str, str]:
    # No PayPal SDK signs (PayPal holds the key). The signed string as paypalrestsdk's
    # WebhookEvent._get_expected_sig builds it: id|time|webhook id|CRC32 of the body, decimal;
    # SHA256withRSA via `cryptography`.
    from datetime import UTC, datetime

    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    moment = datetime.fromtimestamp(now, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    text = f"{TRANSMISSION}|{moment}|{webhook_id}|{binascii.crc32(body) & 0xFFFFFFFF}"
    signature = (key or paypal_signing()[0]).sign(text.encode(), padding.PKCS1v15(), hashes.SHA256())
    return {
        "PAYPAL-TRANSMISSION-ID": TRANSMISSION,
        "PAYPAL-TRANSMISSION-TIME": moment,
        "PAYPAL-TRANSMISSION-SIG": base64.b64encode(signature).decode(),
        "PAYPAL-CERT-URL": cert_url,
        "PAYPAL-AUTH-ALGO": "SHA256withRSA",
    }


# The event of PayPal's own ValidateWebhookEvent sample (rest-api-sdk-php), trimmed.
BODY = json.dumps(
    {
        "id": "WH-9UG43882HX7271132-6E0871324L7949614",
        "event_version": "1.0",
        "create_time": "2016-09-21T22:00:45Z",
        "resource_type": "sale",
        "event_type": "PAYMENT.SALE.COMPLETED",
        "summary": "Payment completed for $ 21.0 USD",
        "resource": {"id": "80F85758S3080410K", "state": "completed", "amount": {"total": "21.00", "currency": "USD"}},
    }
).encode()


def _other_key():
    from cryptography.hazmat.primitives.asymmetric import rsa

    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def refused(**change) -> Exchange:
    """A near miss of a genuine transmission: never published."""
    return Exchange(
        body=BODY,
        headers={"Content-Type": "application/json", **sign(BODY, 1_700_000_000, **change)},
        signed=False,
        status=401,
        answer=b"Unauthorized",
    )


SAMPLE = Sample(
    secret=WEBHOOK_ID,
    sign=sign,
    signature_header="PAYPAL-TRANSMISSION-SIG",
    body=BODY,
    serves_cert=True,
    attributes={
        "event_type": "PAYMENT.SALE.COMPLETED",
        "delivery_id": "WH-9UG43882HX7271132-6E0871324L7949614",
        "ce-time": "2016-09-21T22:00:45Z",
        "transmission_id": TRANSMISSION,
    },
    rejects=(
        # Addressed to another webhook (another account's, replayed here).
        refused(webhook_id="5GP028458E2496506"),
        refused(key=_other_key()),
        # Certificates from anywhere but PayPal's API hosts are never fetched.
        refused(cert_url=CERT_URL.replace("api.sandbox.paypal.com", "api.sandbox.paypal.com.evil.example")),
        refused(cert_url=CERT_URL.replace("https://", "http://")),
        refused(cert_url=CERT_URL.replace("api.sandbox.paypal.com", "api.sandbox.paypal.com:8443")),
        refused(cert_url="https://api.paypal.com/v1/oauth2/token"),
    ),
)
