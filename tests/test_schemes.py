"""Fast in-process tests of the schemes: published vectors, near misses, tolerance edges."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from functions import PROVIDERS
from shared.delivery import Delivery
from shared.errors import NotConfigured, Unauthorized
from shared.schemes import Hmac
from shared.secrets import Secret
from tests.samples.standard_webhooks import SECRET as STANDARD_SECRET
from tests.signers import SAMPLES, flip

VECTORS = [
    vector
    for path in sorted((Path(__file__).parent / "vectors").glob("*.json"))
    for vector in json.loads(path.read_text())
]


def delivery(provider: str, body: bytes, headers: dict[str, str], now: float) -> Delivery:
    return Delivery(provider=provider, method="POST", path="/", headers=headers, body=body, received_at=now)


def verify(provider: str, body: bytes, headers: dict[str, str], now: float, *secrets: str) -> None:
    PROVIDERS[provider].verify(delivery(provider, body, headers, now), tuple(Secret(s.encode()) for s in secrets))


@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: v["provider"])
def test_published_vector_verifies(vector) -> None:
    verify(vector["provider"], vector["body"].encode(), vector["headers"], vector["now"], vector["secret"])


@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: v["provider"])
def test_rotation_any_secret_verifies(vector) -> None:
    verify(
        vector["provider"],
        vector["body"].encode(),
        vector["headers"],
        vector["now"],
        "an-old-secret",
        vector["secret"],
    )


@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: v["provider"])
def test_old_secret_alone_fails(vector) -> None:
    with pytest.raises(Unauthorized):
        verify(vector["provider"], vector["body"].encode(), vector["headers"], vector["now"], "an-old-secret")


@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: v["provider"])
def test_flipped_signature_fails(vector) -> None:
    header = SAMPLES[vector["provider"]].signature_header
    headers = {**vector["headers"], header: flip(vector["headers"][header])}
    with pytest.raises(Unauthorized):
        verify(vector["provider"], vector["body"].encode(), headers, vector["now"], vector["secret"])


@pytest.mark.parametrize("vector", VECTORS, ids=lambda v: v["provider"])
@pytest.mark.parametrize("garbage", ["", "sha256=", "v0=zz", "v1,!!!", "t=x,v1=", "é" * 300])
def test_garbage_signature_is_401(vector, garbage) -> None:
    header = SAMPLES[vector["provider"]].signature_header
    with pytest.raises(Unauthorized):
        verify(
            vector["provider"],
            vector["body"].encode(),
            {**vector["headers"], header: garbage},
            vector["now"],
            vector["secret"],
        )


TIMED = [
    v
    for v in VECTORS
    if isinstance(PROVIDERS[v["provider"]].verify, Hmac) and PROVIDERS[v["provider"]].verify.timestamp
]


@pytest.mark.parametrize("vector", TIMED, ids=lambda v: v["provider"])
@pytest.mark.parametrize("offset,ok", [(-301, False), (-299, True), (299, True), (301, False)])
def test_tolerance_edges(vector, offset, ok) -> None:
    """The edges of each provider's own tolerance (300 s in the parameters' names)."""
    tolerance = PROVIDERS[vector["provider"]].verify.tolerance
    now = vector["now"] - (offset + (tolerance - 300 if offset > 0 else 300 - tolerance))
    if ok:
        verify(vector["provider"], vector["body"].encode(), vector["headers"], now, vector["secret"])
    else:
        with pytest.raises(Unauthorized, match="stale_timestamp"):
            verify(vector["provider"], vector["body"].encode(), vector["headers"], now, vector["secret"])


def test_stripe_valid_among_invalid_signatures() -> None:
    from stripe import WebhookSignature

    body = SAMPLES["stripe"].body
    header = WebhookSignature.generate_signature_header(body.decode(), SAMPLES["stripe"].secret, 1700000000)
    verify(
        "stripe",
        body,
        {"Stripe-Signature": "v1=bad_signature," + header + ",v0=ignored"},
        1700000000,
        SAMPLES["stripe"].secret,
    )


def test_standard_webhooks_rotated_signatures_in_one_header() -> None:
    from standardwebhooks.webhooks import Webhook

    when = datetime.fromtimestamp(1700000000, UTC)
    new = Webhook(STANDARD_SECRET).sign("msg_1", when, "{}")
    old = Webhook("whsec_" + "b2xkLXNlY3JldC1rZXktMTIzNDU2Nzg=").sign("msg_1", when, "{}")
    headers = {"webhook-id": "msg_1", "webhook-timestamp": "1700000000", "webhook-signature": f"{old} {new}"}
    verify("standard_webhooks", b"{}", headers, 1700000000, STANDARD_SECRET)


@pytest.mark.parametrize("bad", ["abc", "1e9", "", "99999999999999999999999999"])
def test_non_numeric_timestamp_is_401(bad) -> None:
    vector = next(v for v in VECTORS if v["provider"] == "slack")
    with pytest.raises(Unauthorized):
        verify(
            "slack",
            vector["body"].encode(),
            {**vector["headers"], "X-Slack-Request-Timestamp": bad},
            vector["now"],
            vector["secret"],
        )


def test_generic_hmac_mode_from_variables(monkeypatch) -> None:
    """The generic provider configured by variables verifies GitHub's published vector."""
    vector = next(v for v in VECTORS if v["provider"] == "github")
    monkeypatch.setenv("GENERIC_HMAC_HEADER", "X-Hub-Signature-256")
    monkeypatch.setenv("GENERIC_HMAC_PREFIX", "sha256=")
    verify("generic", vector["body"].encode(), vector["headers"], vector["now"], vector["secret"])
    with pytest.raises(Unauthorized):
        verify("generic", vector["body"].encode() + b"!", vector["headers"], vector["now"], vector["secret"])


def test_bad_template_is_refused_at_declaration() -> None:
    with pytest.raises(ValueError):
        Hmac(header="X", signed="{bodyy}")


# twilio-python tests/unit/test_request_validator.py: auth token 12345, these URLs and params.
TWILIO_PARAMS = "CallSid=CA1234567890ABCDE&Caller=%2B14158675309&Digits=1234&From=%2B14158675309&To=%2B18005551212"
TWILIO_JSON = '{"property": "value", "boolean": true}'
TWILIO_HASH = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620"
TWILIO_VECTORS = [
    ("mycompany.com", "foo=1&bar=2", TWILIO_PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8="),
    ("mycompany.com:443", "foo=1&bar=2", TWILIO_PARAMS, "kvajT1Ptam85bY51eRf/AJRuM3w="),
    ("mycompany.com", "foo=1&bar=2", TWILIO_PARAMS, "kvajT1Ptam85bY51eRf/AJRuM3w="),
    ("mycompany.com", f"foo=1&bar=2&bodySHA256={TWILIO_HASH}", TWILIO_JSON, "a9nBmqA0ju/hNViExpshrM61xv4="),
]


def twilio_delivery(host: str, query: str, body: str, signature: str) -> Delivery:
    """A request as Cloud Run's front end passes it on: plain http to an internal host, forwarded headers."""
    content_type = "application/json" if body.startswith("{") else "application/x-www-form-urlencoded"
    return Delivery(
        provider="twilio",
        method="POST",
        path="/myapp.php",
        headers={
            "Content-Type": content_type,
            "X-Forwarded-Proto": "https",
            "X-Forwarded-Host": host,
            "X-Twilio-Signature": signature,
        },
        body=body.encode(),
        query_string=query.encode(),
        scheme="http",
        host="10.0.0.7:8080",
    )


@pytest.mark.parametrize("host,query,body,signature", TWILIO_VECTORS)
def test_twilio_published_vectors_behind_a_proxy(host, query, body, signature) -> None:
    PROVIDERS["twilio"].verify(twilio_delivery(host, query, body, signature), (Secret(b"12345"),))


@pytest.mark.parametrize("host,query,body,signature", TWILIO_VECTORS)
@pytest.mark.parametrize("change", ["body", "query", "host", "signature", "secret"])
def test_twilio_near_misses(host, query, body, signature, change) -> None:
    delivery = twilio_delivery(
        host + ".evil" if change == "host" else host,
        query.replace("foo=1", "foo=2") if change == "query" else query,
        body.replace("1234", "1235").replace("value", "valuf") if change == "body" else body,
        flip(signature) if change == "signature" else signature,
    )
    with pytest.raises(Unauthorized):
        PROVIDERS["twilio"].verify(delivery, (Secret(b"12346" if change == "secret" else b"12345"),))


def test_twilio_public_url_wins_over_forwarded_headers(monkeypatch) -> None:
    monkeypatch.setenv("TWILIO_PUBLIC_URL", "https://mycompany.com/myapp.php")
    host, query, body, signature = TWILIO_VECTORS[0]
    PROVIDERS["twilio"].verify(twilio_delivery("elsewhere.example", query, body, signature), (Secret(b"12345"),))


def discord_delivery(body: bytes, now: int, **headers: str) -> Delivery:
    from tests.samples.discord import sign

    return Delivery(provider="discord", method="POST", path="/", headers={**sign(body, now), **headers}, body=body)


@pytest.mark.parametrize(
    "headers",
    [{"X-Signature-Ed25519": "zz"}, {"X-Signature-Ed25519": "ab" * 63}, {"X-Signature-Timestamp": "1700000001"}],
    ids=["not_hex", "short", "other_timestamp"],
)
def test_ed25519_near_misses_are_401(headers) -> None:
    delivery = discord_delivery(b'{"type":1}', 1700000000, **headers)
    with pytest.raises(Unauthorized):
        PROVIDERS["discord"].verify(delivery, (Secret(SAMPLES["discord"].secret.encode()),))


def test_ed25519_unusable_key_is_configuration_error() -> None:
    delivery = discord_delivery(b'{"type":1}', int(time.time()))
    with pytest.raises(NotConfigured) as error:
        PROVIDERS["discord"].verify(delivery, (Secret(b"not-a-hex-key"),))
    assert error.value.variable == "DISCORD_PUBLIC_KEY"


def test_ed25519_rotation_any_key_verifies() -> None:
    delivery = discord_delivery(b'{"type":2}', int(time.time()))
    other = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"
    PROVIDERS["discord"].verify(delivery, (Secret(other.encode()), Secret(SAMPLES["discord"].secret.encode())))


def test_discord_autocomplete_is_answered_without_choices() -> None:
    from functions.discord import ack

    delivery = Delivery(provider="discord", method="POST", path="/", headers={}, body=b'{"type":4,"id":"1"}')
    assert json.loads(ack(delivery).body) == {"type": 8, "data": {"choices": []}}
