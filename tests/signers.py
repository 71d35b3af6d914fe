"""The only place a test signs anything: each provider's official SDK, or its published vector.

Each Sample says, from outside our code, what a valid delivery looks like and what the
message in Pub/Sub must carry.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

Sign = Callable[[bytes, int], dict[str, str]]


@dataclass(frozen=True, kw_only=True)
class Sample:
    """A provider's test facts: secret, signer, a valid body and the attributes it yields."""

    secret: str
    sign: Sign
    signature_header: str
    body: bytes
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    attributes: dict[str, str] = field(default_factory=dict)
    ack: tuple[int, bytes] = (200, b"")
    json: bool = True
    signs_body: bool = True
    handshake: tuple[bytes, dict[str, str], bytes] | None = None  # body, headers, expected answer
    settings: dict[str, str] = field(default_factory=dict)


def _stripe(secret: str) -> Sign:
    def sign(body: bytes, now: int) -> dict[str, str]:
        from stripe import WebhookSignature

        return {"Stripe-Signature": WebhookSignature.generate_signature_header(body.decode(), secret, now)}

    return sign


def _slack(secret: str) -> Sign:
    def sign(body: bytes, now: int) -> dict[str, str]:
        from slack_sdk.signature import SignatureVerifier

        signature = SignatureVerifier(secret).generate_signature(timestamp=str(now), body=body)
        return {"X-Slack-Signature": signature, "X-Slack-Request-Timestamp": str(now)}

    return sign


def _standard_webhooks(secret: str, msg_id: str) -> Sign:
    def sign(body: bytes, now: int) -> dict[str, str]:
        from standardwebhooks.webhooks import Webhook

        signature = Webhook(secret).sign(msg_id, datetime.fromtimestamp(now, UTC), body.decode())
        return {"webhook-id": msg_id, "webhook-timestamp": str(now), "webhook-signature": signature}

    return sign


def _vector(headers: dict[str, str]) -> Sign:
    """A published vector: the signature is fixed, so only its own body verifies."""

    def sign(body: bytes, now: int) -> dict[str, str]:
        return dict(headers)

    return sign


def _token(header: str, secret: str) -> Sign:
    def sign(body: bytes, now: int) -> dict[str, str]:
        return {header: secret}

    return sign


STRIPE_SECRET = "whsec_test_secret"
SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
STANDARD_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
GITHUB_SECRET = "It's a Secret to Everybody"
GENERIC_SECRET = "generic-shared-secret-7c1f"

STRIPE_BODY = json.dumps(
    {"id": "evt_test_webhook", "object": "event", "type": "payment_intent.succeeded", "account": "acct_1"},
    indent=2,
).encode()
SLACK_BODY = json.dumps(
    {
        "type": "event_callback",
        "event_id": "Ev08MFMKH6",
        "team_id": "T1DC2JH3J",
        "api_app_id": "A0MDYCDME",
        "event": {"type": "app_mention", "text": "héllo"},
    }
).encode()
STANDARD_BODY = b'{"test": 2432232314, "type": "user.created"}'

SAMPLES: dict[str, Sample] = {
    "github": Sample(
        secret=GITHUB_SECRET,
        # Published: docs.github.com "Validating webhook deliveries", testing section.
        sign=_vector(
            {"X-Hub-Signature-256": "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"}
        ),
        signature_header="X-Hub-Signature-256",
        body=b"Hello, World!",
        content_type="application/json",
        headers={
            "X-GitHub-Event": "push",
            "X-GitHub-Delivery": "72d3162e-cc78-11e3-81ab-4c9367dc0958",
            "X-GitHub-Hook-ID": "292430182",
        },
        attributes={
            "event_type": "push",
            "delivery_id": "72d3162e-cc78-11e3-81ab-4c9367dc0958",
            "ce-id": "72d3162e-cc78-11e3-81ab-4c9367dc0958",
            "ce-source": "github/hooks/292430182",
            "ce-type": "github.push",
        },
        json=False,
        handshake=(b"Hello, World!", {"X-GitHub-Event": "ping"}, b""),
    ),
    "stripe": Sample(
        secret=STRIPE_SECRET,
        sign=_stripe(STRIPE_SECRET),
        signature_header="Stripe-Signature",
        body=STRIPE_BODY,
        attributes={
            "event_type": "payment_intent.succeeded",
            "delivery_id": "evt_test_webhook",
            "ce-source": "stripe/acct_1",
            "ce-type": "stripe.payment_intent.succeeded",
        },
    ),
    "slack": Sample(
        secret=SLACK_SECRET,
        sign=_slack(SLACK_SECRET),
        signature_header="X-Slack-Signature",
        body=SLACK_BODY,
        headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"},
        attributes={
            "event_type": "app_mention",
            "delivery_id": "Ev08MFMKH6",
            "ce-source": "slack/A0MDYCDME/T1DC2JH3J",
            "retry_num": "1",
        },
        handshake=(
            b'{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}',
            {},
            b"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
        ),
    ),
    "standard_webhooks": Sample(
        secret=STANDARD_SECRET,
        sign=_standard_webhooks(STANDARD_SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJek"),
        signature_header="webhook-signature",
        body=STANDARD_BODY,
        attributes={
            "event_type": "user.created",
            "delivery_id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
            "ce-type": "standard_webhooks.user.created",
        },
    ),
    "generic": Sample(
        secret=GENERIC_SECRET,
        sign=_token("X-Webhook-Secret", GENERIC_SECRET),
        signature_header="X-Webhook-Secret",
        body=b"any bytes \xff at all",
        content_type="application/octet-stream",
        json=False,
        signs_body=False,
        attributes={"provider": "generic", "ce-type": "generic"},
    ),
}


def environment() -> dict[str, str]:
    """The variables that configure every provider with its sample secret."""
    env: dict[str, str] = {}
    for provider, sample in SAMPLES.items():
        env[f"{provider.upper()}_WEBHOOK_SECRET"] = sample.secret
        env.update(sample.settings)
    return env


def flip(value: str) -> str:
    """The same signature with one character in its middle changed (a near miss).

    Not the last one: the final base64 character before padding carries unused bits,
    so changing it can decode to the same bytes.
    """
    index = len(value) * 2 // 3
    replacement = "A" if value[index] != "A" else "B"
    if value[index] in "0123456789abcdef":
        replacement = "0" if value[index] != "0" else "1"
    return value[:index] + replacement + value[index + 1 :]
