"""Fast in-process tests of the schemes: published vectors, near misses, tolerance edges."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import pytest

from functions import PROVIDERS
from shared.delivery import Delivery
from shared.errors import NotConfigured, Unauthorized
from shared.schemes import BasicAuth, Hmac, NamedToken, PublicKey, QueryToken, Token, parse_timestamp
from shared.secrets import Secret, load
from tests.samples.standard_webhooks import SECRET as STANDARD_SECRET
from tests.signers import SAMPLES, flip

VECTORS = [
    vector
    for path in sorted((Path(__file__).parent / "vectors").glob("*.json"))
    for vector in json.loads(path.read_text())
]


@pytest.fixture(autouse=True)
def vector_environment(request, monkeypatch) -> None:
    """The variables a vector or a sample needs (Square and HubSpot sign the URL they called)."""
    params = getattr(getattr(request.node, "callspec", None), "params", {})
    sample = SAMPLES.get(params.get("provider", ""))
    variables = {**(sample.settings if sample else {}), **(params.get("vector") or {}).get("env", {})}
    for name, value in variables.items():
        monkeypatch.setenv(name, value)


def delivery(
    provider: str, body: bytes, headers: dict[str, str], now: float, path: str = "/", query: str = ""
) -> Delivery:
    from werkzeug.datastructures import Headers  # case-insensitive, as in a real request

    return Delivery(
        provider=provider,
        method="POST",
        path=path,
        headers=Headers(headers),
        body=body,
        query_string=query.encode(),
        received_at=now,
    )


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
    other = "an-old-secret"
    if isinstance(PROVIDERS[vector["provider"]].verify, PublicKey):
        other = another_public_key(PROVIDERS[vector["provider"]].verify.algorithm)
    with pytest.raises(Unauthorized):
        verify(vector["provider"], vector["body"].encode(), vector["headers"], vector["now"], other)


def another_public_key(algorithm: str) -> str:
    """A valid public key of the algorithm that signed nothing here, written as its provider shows keys."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

    if algorithm == "rsa":
        public = rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key()
        return public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    if algorithm == "ed25519":
        raw = ed25519.Ed25519PrivateKey.generate().public_key().public_bytes_raw()
        return raw.hex()
    der = (
        ec.generate_private_key(ec.SECP256R1())
        .public_key()
        .public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    return base64.b64encode(der).decode()


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


SAMPLE_TIMED = [
    provider
    for provider, declared in PROVIDERS.items()
    if isinstance(declared.verify, Hmac)
    and (declared.verify.timestamp or "{timestamp}" in declared.verify.signed)
    and declared.verify.tolerance is not None
]


@pytest.mark.parametrize("provider", SAMPLE_TIMED)
@pytest.mark.parametrize("beyond,ok", [(-1, True), (1, False)])
@pytest.mark.parametrize("direction", [1, -1])
def test_sample_tolerance_edges(provider, beyond, ok, direction, monkeypatch) -> None:
    """Each provider's own tolerance, one second inside and outside, on both sides."""
    sample, signed_at = SAMPLES[provider], 1700000000
    declared = PROVIDERS[provider]
    for name, value in {**sample.settings, f"{provider.upper()}_{declared.secret}": sample.secret}.items():
        monkeypatch.setenv(name, value)  # the URL some sign; several keys where a sample has them (Box)
    now = signed_at + direction * (declared.verify.tolerance + beyond)
    headers = {**sample.headers, **sample.sign(sample.body, signed_at)}
    # Posted as the end-to-end tests post it: at /<id>, with the sample's query (Walmart signs both).
    posted = delivery(provider, sample.body, headers, now, f"/{provider}", sample.query)
    check = lambda: declared.verify(posted, load(provider, declared.secret))  # noqa: E731
    if ok:
        check()
    else:
        with pytest.raises(Unauthorized, match="stale_timestamp"):
            check()


def _netlify_token(claims: dict, key: str | None, algorithm: str = "HS256") -> dict[str, str]:
    import jwt

    return {"X-Webhook-Signature": jwt.encode(claims, key, algorithm=algorithm)}


NETLIFY_BODY = SAMPLES["netlify"].body
NETLIFY_HASH = hashlib.sha256(NETLIFY_BODY).hexdigest()


def test_netlify_any_rotated_secret_verifies() -> None:
    headers = _netlify_token({"iss": "netlify", "sha256": NETLIFY_HASH}, SAMPLES["netlify"].secret)
    old = "an-old-secret-of-enough-length-000"
    verify("netlify", NETLIFY_BODY, headers, 1700000000, old, SAMPLES["netlify"].secret)


@pytest.mark.parametrize(
    "claims,key,algorithm",
    [
        ({"iss": "netlify", "sha256": NETLIFY_HASH}, None, "none"),
        ({"iss": "netlify", "sha256": NETLIFY_HASH}, SAMPLES["netlify"].secret, "HS512"),
        ({"iss": "netlify", "sha256": NETLIFY_HASH}, "another-secret-of-enough-length-0000", "HS256"),
        ({"iss": "someone-else", "sha256": NETLIFY_HASH}, SAMPLES["netlify"].secret, "HS256"),
        ({"sha256": NETLIFY_HASH}, SAMPLES["netlify"].secret, "HS256"),
        ({"iss": "netlify"}, SAMPLES["netlify"].secret, "HS256"),
        ({"iss": "netlify", "sha256": 12345}, SAMPLES["netlify"].secret, "HS256"),
        ({"iss": "netlify", "sha256": "not hex"}, SAMPLES["netlify"].secret, "HS256"),
        ({"iss": "netlify", "sha256": hashlib.sha256(b"other").hexdigest()}, SAMPLES["netlify"].secret, "HS256"),
    ],
    ids=[
        "alg_none",
        "other_alg",
        "other_secret",
        "wrong_issuer",
        "no_issuer",
        "no_hash",
        "int_hash",
        "bad_hex",
        "other_body",
    ],
)
def test_netlify_near_misses_are_401(claims, key, algorithm) -> None:
    with pytest.raises(Unauthorized):
        verify("netlify", NETLIFY_BODY, _netlify_token(claims, key, algorithm), 1700000000, SAMPLES["netlify"].secret)


@pytest.mark.parametrize("garbage", ["", "a.b.c", "Bearer x", "é" * 300, "e30.e30."])
def test_netlify_garbage_token_is_401(garbage) -> None:
    with pytest.raises(Unauthorized):
        verify("netlify", NETLIFY_BODY, {"X-Webhook-Signature": garbage}, 1700000000, SAMPLES["netlify"].secret)


def test_pagerduty_valid_among_rotated_signatures() -> None:
    """During a secret rotation PagerDuty sends one `v1=` per secret; any one verifies."""
    vector = next(v for v in VECTORS if v["provider"] == "pagerduty")
    good = vector["headers"]["X-PagerDuty-Signature"]
    headers = {"X-PagerDuty-Signature": f"v1={'ab' * 32},{good}"}
    verify("pagerduty", vector["body"].encode(), headers, vector["now"], vector["secret"])


def sendgrid_cases() -> list[tuple[str, bytes, dict[str, str], int]]:
    """The published vector and a sample-signed delivery, each also with one character flipped."""
    from tests.samples.sendgrid import sign

    vector = next(v for v in VECTORS if v["provider"] == "sendgrid")
    sample = SAMPLES["sendgrid"]
    header = sample.signature_header
    found = [
        (vector["secret"], vector["body"].encode(), vector["headers"], vector["now"]),
        (sample.secret, sample.body, sign(sample.body, 1700000000), 1700000000),
    ]
    return found + [(key, body, {**headers, header: flip(headers[header])}, now) for key, body, headers, now in found]


@pytest.mark.parametrize("key,body,headers,now", sendgrid_cases())
def test_sendgrid_agrees_with_official_sdk(key, body, headers, now) -> None:
    """Our Ecdsa accepts exactly what sendgrid-python's EventWebhook accepts."""
    from sendgrid.helpers.eventwebhook import EventWebhook

    try:
        expected = EventWebhook(key).verify_signature(
            body.decode(),
            headers["X-Twilio-Email-Event-Webhook-Signature"],
            headers["X-Twilio-Email-Event-Webhook-Timestamp"],
        )
    except ValueError:  # a flipped signature that is no longer base64 / DER
        expected = False
    try:
        verify("sendgrid", body, headers, now, key)
        accepted = True
    except Unauthorized:
        accepted = False
    assert accepted == expected


def test_sendgrid_key_that_is_not_p256_is_a_configuration_error() -> None:
    vector = next(v for v in VECTORS if v["provider"] == "sendgrid")
    with pytest.raises(NotConfigured) as error:
        verify("sendgrid", vector["body"].encode(), vector["headers"], vector["now"], "bm90IGEga2V5")
    assert error.value.variable == "SENDGRID_PUBLIC_KEY"


def test_square_sample_signer_agrees_with_official_sdk() -> None:
    from square.utils.webhooks_helper import verify_signature

    from tests.samples.square import URL

    sample = SAMPLES["square"]
    assert verify_signature(
        request_body=sample.body.decode(),
        signature_header=sample.sign(sample.body, 0)["x-square-hmacsha256-signature"],
        signature_key=sample.secret,
        notification_url=URL,
    )


def test_mailgun_sample_signer_agrees_with_official_sdk() -> None:
    from mailgun.security import SecurityGuard

    from tests.samples.mailgun import block

    fields = block(1700000000)
    assert SecurityGuard.verify_webhook(SAMPLES["mailgun"].secret, max_age_seconds=0, **fields)


@pytest.mark.parametrize(
    "provider,offset,ok",
    [
        ("linear", 59, True),
        ("linear", -59, True),
        ("linear", 61, False),
        ("linear", -61, False),
        ("mailgun", 899, True),
        ("mailgun", 901, False),
    ],
)
def test_short_tolerances(provider, offset, ok) -> None:
    """Timestamps in the body: Linear's 60 s (@linear/sdk) both ways, Mailgun's 900 s (its SDK)."""
    sample = SAMPLES[provider]
    body = sample.body_at(1700000000)
    headers = sample.sign(body, 1700000000)
    if ok:
        verify(provider, body, headers, 1700000000 + offset, sample.secret)
    else:
        with pytest.raises(Unauthorized, match="stale_timestamp"):
            verify(provider, body, headers, 1700000000 + offset, sample.secret)


@pytest.mark.parametrize("offset,ok", [(-301, False), (-299, True), (299, True), (301, False)])
@pytest.mark.parametrize("unit", ["seconds", "milliseconds"])
def test_oura_timestamp_in_either_unit_is_aged(unit: str, offset: int, ok: bool) -> None:
    """Oura's docs say "unix timestamp" and no unit: seconds and milliseconds both get its 300 s."""
    from tests.samples import oura

    body = SAMPLES["oura"].body
    headers = getattr(oura, f"sign_{unit}")(body, 1700000000)
    if ok:
        verify("oura", body, headers, 1700000000 + offset, oura.SECRET)
    else:
        with pytest.raises(Unauthorized, match="stale_timestamp"):
            verify("oura", body, headers, 1700000000 + offset, oura.SECRET)


@pytest.mark.parametrize(
    "value",
    ["Bearer cG9zdG1hcms=", "Basic", "Basic !!!", "Basic " + "cG9zdG1hcmstaG9va3M6d3Jvbmc=", "basic"],
)
def test_postmark_wrong_credentials_are_401(value) -> None:
    with pytest.raises(Unauthorized):
        verify("postmark", b"{}", {"Authorization": value}, 0, SAMPLES["postmark"].secret)


def test_postmark_credentials_verify() -> None:
    sample = SAMPLES["postmark"]
    verify("postmark", b"{}", sample.sign(b"{}", 0), 0, "old:pass", sample.secret)


def test_mailgun_legacy_form_body_verifies() -> None:
    """Legacy (form-encoded) Mailgun webhooks carry timestamp, token and signature as fields."""
    from urllib.parse import urlencode

    from tests.samples.mailgun import block

    body = urlencode({**block(1700000000), "event": "delivered"}).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    verify("mailgun", body, headers, 1700000000, SAMPLES["mailgun"].secret)
    with pytest.raises(Unauthorized):
        verify("mailgun", body.replace(b"token=e0", b"token=f0"), headers, 1700000000, SAMPLES["mailgun"].secret)


def test_mailgun_parent_signature_verifies_with_the_primary_key() -> None:
    """Subaccount events: `signature` with the subaccount's key, `parent-signature` with the primary's."""
    from tests.samples.mailgun import block, body

    sub, parent = block(1700000000, key="subaccount-key"), block(1700000000, key="primary-key")
    delivered = body({**sub, "parent-signature": parent["signature"]})
    verify("mailgun", delivered, {}, 1700000000, "primary-key")
    verify("mailgun", delivered, {}, 1700000000, "subaccount-key")
    with pytest.raises(Unauthorized):
        verify("mailgun", delivered, {}, 1700000000, "another-key")


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


@pytest.mark.parametrize(
    "value", ["2026-11-28T18:00:00", "2026-11-28T18:00:00Z", "2026-11-28T18:00:00+00:00", "2026-11-28T19:00:00+01:00"]
)
def test_rfc3339_without_offset_is_utc(value: str, monkeypatch) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        assert parse_timestamp(value, "rfc3339") == datetime(2026, 11, 28, 18, tzinfo=UTC).timestamp()
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("-_8", b"\xfb\xff"),  # unpadded, URL alphabet
        ("-_8=", b"\xfb\xff"),
        ("+/8=", None),  # the standard alphabet is not base64url
        ("-_8!", None),
    ],
)
def test_base64url_decoding(value: str, expected: bytes | None) -> None:
    from shared.schemes import decode, encode

    assert decode(value, "base64url") == expected
    if expected is not None:
        assert encode(expected, "base64url") == "-_8"


@pytest.mark.parametrize(
    ("body", "within", "expected"),
    [
        (b'{"events": [{"type": "order.completed"}, {"type": "x"}]}', "events", "order.completed"),
        (b'{"outer": {"events": [{"type": "deep"}]}}', "outer.events", "deep"),
        (b'{"events": []}', "events", None),
        (b'{"events": {"type": "not a list"}}', "events", None),
        (b'[{"type": "top-level batch"}]', None, "top-level batch"),
        (b'{"type": "not a batch"}', None, None),
    ],
)
def test_first_item_reads_the_first_event_of_a_batch(body: bytes, within: str | None, expected: str | None) -> None:
    from shared.provider import first_item

    delivery = Delivery(provider="x", method="POST", path="/", headers={}, body=body)
    assert first_item("type", within)(delivery) == expected


def test_contentful_toolkit_vector_with_a_query_string() -> None:
    """The path is signed with its query, escaped twice as the toolkit's getNormalizedEncodedURI does."""
    from werkzeug.datastructures import Headers

    # Signed with @contentful/node-apps-toolkit 3.16.1 signRequest, as tests/vectors/contentful.json.
    headers = {
        "X-Contentful-Topic": "ContentManagement.Asset.delete",
        "Content-Type": "application/vnd.contentful.management.v1+json",
        "x-contentful-signature": "0c74ec81980e7f96297c4ccc1ed85a7c3f81b8b00352fdd1dc7bf45e05ab7423",
        "x-contentful-signed-headers": (
            "content-type,x-contentful-signed-headers,x-contentful-timestamp,x-contentful-topic"
        ),
        "x-contentful-timestamp": "1764352800000",
    }
    body = b'{"sys":{"type":"DeletedAsset","id":"1x0xpXu4pSGS4OukSyWGUK"}}'
    secret = (Secret(b"cf-webhook-signing-secret-0123456789abcdefghijklmnopqrstuvwxyzAB"),)

    def request(query: bytes, sent: dict[str, str]) -> Delivery:
        return Delivery(
            provider="contentful",
            method="POST",
            path="/hooks/cms",
            headers=Headers(sent),
            body=body,
            query_string=query,
            received_at=1764352800,
        )

    PROVIDERS["contentful"].verify(request(b"space=yadj1kx9rmg0&env=master", headers), secret)
    for query, sent in (
        (b"env=master&space=yadj1kx9rmg0", headers),  # same parameters, other order
        (b"space=yadj1kx9rmg0&env=master", {**headers, "Content-Type": "application/json"}),  # a signed header
    ):
        with pytest.raises(Unauthorized):
            PROVIDERS["contentful"].verify(request(query, sent), secret)


@pytest.mark.parametrize("form", ["base64", "hex", "padded", "base64url"])
def test_ed25519_key_as_base64_or_hex(form: str) -> None:
    """Telnyx shows its public key in base64, Discord in hex, a JWK's `x` is unpadded base64url:
    every form is the same key."""
    from tests.samples.telnyx import _key, sign

    raw = _key().verify_key.encode()
    key = {
        "base64": base64.b64encode(raw).decode(),
        "hex": raw.hex(),
        "padded": f" {raw.hex()}\n",
        "base64url": base64.urlsafe_b64encode(raw).rstrip(b"=").decode(),
    }[form]
    now = int(time.time())
    verify("telnyx", b"{}", sign(b"{}", now), now, key)


@pytest.mark.parametrize("key", [base64.b64encode(bytes(31)).decode(), "ab" * 31, "bm90IGEga2V5"])
def test_ed25519_key_of_wrong_length_is_a_configuration_error(key: str) -> None:
    from tests.samples.telnyx import sign

    now = int(time.time())
    with pytest.raises(NotConfigured):
        verify("telnyx", b"{}", sign(b"{}", now), now, key)


@pytest.mark.parametrize("provider", ["airtable", "microsoft_teams"])
def test_secret_that_is_not_base64_is_401_not_500(provider: str) -> None:
    """A key configured in base64 that does not decode refuses the delivery; nothing escapes."""
    sample = SAMPLES[provider]
    now = int(time.time())
    verify(provider, sample.body, sample.sign(sample.body, now), now, sample.secret)
    with pytest.raises(Unauthorized):
        verify(provider, sample.body, sample.sign(sample.body, now), now, "not base64!")


def _rsa_public_der(key) -> str:
    from cryptography.hazmat.primitives import serialization

    der = key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(der).decode()


def _fusionauth_token(body: bytes, key, algorithm: str, digest: str | None = None) -> dict[str, str]:
    import jwt

    claimed = digest or base64.b64encode(hashlib.sha256(body).digest()).decode()
    return {"X-FusionAuth-Signature-JWT": jwt.encode({"request_body_sha256": claimed}, key, algorithm=algorithm)}


@pytest.mark.parametrize("algorithm", ["RS256", "ES256"])
def test_jwt_body_hash_with_a_public_key(algorithm: str) -> None:
    """An RSA or EC Key Master key: the configured value is the public key, base64 DER."""
    from cryptography.hazmat.primitives.asymmetric import ec, rsa

    private = (
        rsa.generate_private_key(public_exponent=65537, key_size=2048)
        if algorithm == "RS256"
        else ec.generate_private_key(ec.SECP256R1())
    )
    body = SAMPLES["fusionauth"].body
    verify(
        "fusionauth", body, _fusionauth_token(body, private, algorithm), 0, "old-hmac-secret", _rsa_public_der(private)
    )


def test_jwt_body_hash_refuses_the_public_key_as_an_hmac_secret() -> None:
    """Algorithm confusion: an HS256 token keyed with the public key's bytes never verifies."""
    import hmac as stdlib_hmac

    from cryptography.hazmat.primitives.asymmetric import rsa

    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public = _rsa_public_der(private)
    body = SAMPLES["fusionauth"].body

    def part(value: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()

    digest = base64.b64encode(hashlib.sha256(body).digest()).decode()
    unsigned = part({"alg": "HS256", "typ": "JWT"}) + "." + part({"request_body_sha256": digest})
    # Forged by hand: pyjwt itself refuses to sign with a public key as the HMAC secret.
    for key in (public.encode(), base64.b64decode(public)):
        mac = stdlib_hmac.new(key, unsigned.encode(), hashlib.sha256).digest()
        token = unsigned + "." + base64.urlsafe_b64encode(mac).rstrip(b"=").decode()
        with pytest.raises(Unauthorized):
            verify("fusionauth", body, {"X-FusionAuth-Signature-JWT": token}, 0, public)


@pytest.mark.parametrize(
    "digest", [hashlib.sha256(b"{}").hexdigest(), base64.b64encode(hashlib.sha256(b"{}").digest()).decode(), "!!"]
)
def test_fusionauth_hash_of_another_body_or_in_hex_is_401(digest: str) -> None:
    body = SAMPLES["fusionauth"].body
    with pytest.raises(Unauthorized):
        verify(
            "fusionauth",
            body,
            _fusionauth_token(body, SAMPLES["fusionauth"].secret, "HS256", digest),
            0,
            SAMPLES["fusionauth"].secret,
        )


@pytest.mark.parametrize(
    "url,body",
    [
        ("https://h.example.com/plivo", ""),
        ("https://h.example.com/plivo", "B=2&A=1&A=0"),
        ("https://h.example.com/plivo?z=1&a=2&a=1", ""),
        ("https://h.example.com:8443/plivo?z=1", "Text=h%C3%A9llo+%26+bye&Empty="),
    ],
    ids=["bare", "form", "query", "both"],
)
def test_plivo_signed_url_agrees_with_official_sdk(url: str, body: str) -> None:
    from urllib.parse import parse_qs

    from plivo.utils.signature_v3 import construct_post_url

    from functions.plivo import signed_url

    params = parse_qs(body, keep_blank_values=True)
    assert signed_url(url, body) == bytes(construct_post_url(url, params))


def test_plivo_refuses_a_body_it_does_not_sign(monkeypatch) -> None:
    """A JSON body is not covered by the V3 signature: it is never let through."""
    from werkzeug.datastructures import Headers

    from tests.samples.plivo import PUBLIC_URL, QUERY, SECRET, sign

    monkeypatch.setenv("PLIVO_PUBLIC_URL", PUBLIC_URL)
    headers = Headers({"Content-Type": "application/json", **sign(b"", 0)})
    body = b'{"Status": "delivered"}'
    request = Delivery(
        provider="plivo", method="POST", path="/", headers=headers, body=body, query_string=QUERY.encode()
    )
    with pytest.raises(Unauthorized):
        PROVIDERS["plivo"].verify(request, (Secret(SECRET.encode()),))
    # The same signature over an empty body verifies: the refusal is the body's.
    empty = Delivery(provider="plivo", method="POST", path="/", headers=headers, body=b"", query_string=QUERY.encode())
    PROVIDERS["plivo"].verify(empty, (Secret(SECRET.encode()),))


def test_aws_sns_unreachable_certificate_is_503(monkeypatch) -> None:
    """SNS retries a 503: a certificate that cannot be fetched now is never a 401 for a genuine message."""
    from shared import certificates
    from shared.errors import Unavailable

    monkeypatch.setenv("AWS_SNS_CERTS_URL", "http://127.0.0.1:9")
    certificates.CERTS.clear()
    sample = SAMPLES["aws_sns"]
    with pytest.raises(Unavailable):
        verify("aws_sns", sample.body, {}, 0, sample.secret)


def test_aws_sns_string_to_sign_leaves_out_an_absent_subject() -> None:
    from functions.aws_sns import string_to_sign

    message = {"Type": "Notification", "Message": "m", "MessageId": "i", "Timestamp": "t", "TopicArn": "a"}
    assert string_to_sign(message) == b"Message\nm\nMessageId\ni\nTimestamp\nt\nTopicArn\na\nType\nNotification\n"
    assert b"Subject\ns\n" in string_to_sign({**message, "Subject": "s"})


@pytest.mark.parametrize("name,offset", [("evil.example", 0), ("paypal.com.evil.example", 0), ("x.paypal.com", 4)])
def test_paypal_certificate_must_be_paypals_and_current(name: str, offset: int) -> None:
    """As paypalrestsdk checks: the subject's CN ends in `.paypal.com` and the certificate is in date."""
    from cryptography import x509

    from functions.paypal import signing_key
    from tests.signers import signing_certificate

    certificate = x509.load_pem_x509_certificate(signing_certificate(name)[1])
    with pytest.raises(Unauthorized):
        signing_key(certificate, time.time() + offset * 86400)
    if offset:
        signing_key(certificate, time.time())


def test_signed_timestamp_without_a_window_is_signed_but_not_aged() -> None:
    """`tolerance=None`: an old timestamp verifies, a changed one does not (Faundit)."""
    from werkzeug.datastructures import Headers

    scheme = Hmac(header="x-signature", timestamp="x-timestamp", signed="{timestamp}{body}", tolerance=None)
    body, secret = b'{"id":"evt_1"}', (Secret(b"k"),)
    signature = hmac.new(b"k", b"1000" + body, hashlib.sha256).hexdigest()

    def check(timestamp: str) -> None:
        headers = Headers({"x-signature": signature, "x-timestamp": timestamp})
        scheme(Delivery(provider="x", method="POST", path="/", headers=headers, body=body, received_at=2e9), secret)

    check("1000")
    with pytest.raises(Unauthorized, match="bad_signature"):
        check("1001")


def test_persona_rotation_header_with_two_groups_verifies() -> None:
    """While a secret rotates, Persona sends `t=..,v1=<old> t=..,v1=<new>`: either may verify."""
    from tests.samples.persona import SAMPLE as PERSONA

    body, now = PERSONA.body, 1700000000
    good = PERSONA.sign(body, now)["Persona-Signature"]
    stale = f"t={now},v1={'0' * 64}"
    for value in (f"{stale} {good}", f"{good} {stale}"):
        verify("persona", body, {"Persona-Signature": value}, now, PERSONA.secret)
    with pytest.raises(Unauthorized, match="bad_signature"):
        verify("persona", body, {"Persona-Signature": f"{stale} {stale}"}, now, PERSONA.secret)


@pytest.mark.parametrize(
    ("claims", "key", "prefix", "now", "reason"),
    [
        ({}, "k" * 32, "", 1000, None),
        ({}, "k" * 32, "Bearer ", 1000, None),
        ({}, "k" * 32, "", 1300 + 10, None),  # inside the leeway
        ({}, "k" * 32, "", 1300 + 11, "expired_token"),
        ({"aud": "https://elsewhere.example"}, "k" * 32, "", 1000, "bad_token"),
        ({"aud": None}, "k" * 32, "", 1000, "bad_token"),  # aud is required
        ({"exp": None}, "k" * 32, "", 1000, "bad_token"),  # exp is required
        ({}, "another-key-" + "x" * 20, "", 1000, "bad_token"),
    ],
)
def test_jwt_in_a_header(claims: dict, key: str, prefix: str, now: int, reason: str | None, monkeypatch) -> None:
    """A shared-secret JWT (monday.com): pinned algorithm, required `aud` and `exp`, `exp` against `now`."""
    import jwt
    from werkzeug.datastructures import Headers

    from shared.schemes import Jwt

    payload = {k: v for k, v in {"aud": "https://hooks.example/x", "exp": 1300, **claims}.items() if v is not None}
    headers = Headers({"Authorization": prefix + jwt.encode(payload, key, algorithm="HS256")})
    delivery = Delivery(provider="x", method="POST", path="/x", headers=headers, body=b"{}", received_at=now)
    monkeypatch.setenv("X_AUDIENCE", "https://hooks.example/x")
    check = lambda: Jwt()(delivery, (Secret(b"k" * 32),))  # noqa: E731
    if reason is None:
        check()
    else:
        with pytest.raises(Unauthorized, match=reason):
            check()


def test_jwt_with_algorithm_none_is_refused(monkeypatch) -> None:
    import jwt
    from werkzeug.datastructures import Headers

    from shared.schemes import Jwt

    monkeypatch.setenv("X_AUDIENCE", "https://hooks.example/x")
    token = jwt.encode({"aud": "https://hooks.example/x", "exp": 2000}, None, algorithm="none")
    delivery = Delivery(provider="x", method="POST", path="/x", headers=Headers({"Authorization": token}), body=b"")
    with pytest.raises(Unauthorized, match="bad_token"):
        Jwt()(delivery, (Secret(b"k" * 32),))


def test_body_sha256_part_is_the_hex_digest_of_the_body() -> None:
    """`{body_sha256}` signs the body's hex SHA-256, so a changed body fails (Tebex)."""
    from werkzeug.datastructures import Headers

    scheme = Hmac(header="X-Signature", signed="{body_sha256}")
    body = b'{"id":"1"}'
    signature = hmac.new(b"k", hashlib.sha256(body).hexdigest().encode(), hashlib.sha256).hexdigest()

    def check(sent: bytes) -> None:
        headers = Headers({"X-Signature": signature})
        scheme(Delivery(provider="x", method="POST", path="/", headers=headers, body=sent), (Secret(b"k"),))

    check(body)
    with pytest.raises(Unauthorized, match="bad_signature"):
        check(body + b" ")


def test_only_the_shared_schemes_run_on_the_event_loop() -> None:
    """pure(): what the async pipeline may run inline; anything that may fetch goes to a thread."""
    from shared.google_token import GoogleToken
    from shared.schemes import Token, either, pure

    hmac_scheme = Hmac(header="X-Signature")
    assert pure(hmac_scheme) and pure(either(hmac_scheme, Token(header="X-Token")))
    assert not pure(GoogleToken())
    assert not pure(either(hmac_scheme, GoogleToken()))
    assert not pure(lambda delivery, secrets: None)
    assert not pure(PROVIDERS["aws_sns"].verify)  # fetches the signing certificate
    assert pure(PROVIDERS["linkedin"].verify)  # an ObjectBody around an Hmac
    # A scheme around another is only as pure as the one inside it.
    from shared.schemes import BodyTimestamp, Inflated, ObjectBody

    for wrapper in (ObjectBody, Inflated, partial(BodyTimestamp, field="ts")):
        assert pure(wrapper(verify=hmac_scheme))
        assert not pure(wrapper(verify=GoogleToken()))


def test_secrets_are_ready_only_once_every_reference_is_read(tmp_path, monkeypatch) -> None:
    """secrets.ready(): a plain value is; a `file:` (or Secret Manager) reference only once read."""
    from shared import secrets

    secret_file = tmp_path / "secret"
    secret_file.write_text("from-a-file\n")
    secrets.reset()
    monkeypatch.setenv("GENERIC_WEBHOOK_SECRET", "plain")
    assert secrets.ready("generic")
    monkeypatch.setenv("GENERIC_WEBHOOK_SECRET", f"plain,file:{secret_file}")
    assert not secrets.ready("generic")
    assert [s.value for s in load("generic")] == [b"plain", b"from-a-file"]
    assert secrets.ready("generic")
    secrets.reset()


@pytest.mark.parametrize(
    "path,query,signed_as,ok",
    [
        ("/walmart", "", "/walmart", True),
        ("/walmart", "sellerId=1&b=%2F", "/walmart?sellerId=1&b=%2F", True),
        ("/walmart", "sellerId=1", "/walmart", False),
        ("/walmart", "", "/walmart?", False),
        ("/walmart", "sellerId=2", "/walmart?sellerId=1", False),
    ],
    ids=["no_query", "query_as_received", "query_dropped", "empty_query", "other_query"],
)
def test_path_query_part_is_the_path_and_query_as_received(path, query, signed_as, ok) -> None:
    from tests.signers import mac

    scheme = Hmac(header="X-Sig", encoding="base64", signed="{method}\n{path_query}", timestamp=None, tolerance=None)
    claimed = base64.b64encode(mac("s3cret", f"POST\n{signed_as}".encode())).decode()
    delivery = Delivery(
        provider="walmart",
        method="POST",
        path=path,
        headers={"X-Sig": claimed},
        body=b"{}",
        query_string=query.encode(),
    )
    if ok:
        scheme(delivery, (Secret(b"s3cret"),))
    else:
        with pytest.raises(Unauthorized):
            scheme(delivery, (Secret(b"s3cret"),))


def _fireblocks(body: bytes, headers: dict[str, str], workspaces: tuple[str, ...] = ()) -> None:
    from tests.samples import fireblocks

    posted = Delivery(provider="fireblocks", method="POST", path="/fireblocks", headers=headers, body=body)
    PROVIDERS["fireblocks"].verify(posted, tuple(Secret(w.encode()) for w in workspaces or (fireblocks.WORKSPACE,)))


@pytest.fixture
def fireblocks_keys(google_certs, monkeypatch):
    """The loopback server publishes the test JWKS at Fireblocks' well-known path."""
    monkeypatch.setenv("FIREBLOCKS_CERTS_URL", google_certs.url.split("/oauth2/", 1)[0])


def test_fireblocks_sample_verifies(fireblocks_keys) -> None:
    sample = SAMPLES["fireblocks"]
    _fireblocks(sample.body, sample.sign(sample.body, 0))


def _other_key():
    from jwcrypto import jwk

    return jwk.JWK.generate(kty="RSA", size=2048)


@pytest.mark.parametrize(
    "change",
    ["other_key", "unknown_kid", "rs256", "hs512_with_public_key", "attached_payload", "other_workspace", "body"],
)
def test_fireblocks_near_misses_are_401(fireblocks_keys, change) -> None:
    from jwcrypto import jwk

    from tests.signers import FIREBLOCKS_KID, detached_jws, fireblocks_key

    sample, name = SAMPLES["fireblocks"], "Fireblocks-Webhook-Signature"
    body, workspaces = sample.body, ()
    sign = {
        "other_key": detached_jws(name, _other_key(), FIREBLOCKS_KID),
        "unknown_kid": detached_jws(name, fireblocks_key(), "webhook-key-other"),
        "rs256": detached_jws(name, fireblocks_key(), FIREBLOCKS_KID, "RS256"),
        # The public key's PEM as an HMAC secret: the classic algorithm confusion.
        "hs512_with_public_key": detached_jws(
            name, jwk.JWK.from_password(fireblocks_key().export_to_pem().decode()), FIREBLOCKS_KID, "HS512"
        ),
    }.get(change, sample.sign)
    headers = sign(body, 0)
    if change == "attached_payload":
        header, _, signature = headers[name].split(".")
        headers[name] = ".".join((header, base64.urlsafe_b64encode(body).rstrip(b"=").decode(), signature))
    if change == "other_workspace":
        workspaces = ("00000000-0000-0000-0000-000000000000",)
    if change == "body":
        body = body.replace(b"SUBMITTED", b"COMPLETED")
    with pytest.raises(Unauthorized):
        _fireblocks(body, headers, workspaces)


def _utila_signature(change: str, body: bytes) -> str:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

    from tests.samples import utila

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048) if change == "other_key" else utila._key()
    digest = hashes.SHA256() if change == "pss_sha256" else hashes.SHA512()
    salt = padding.PSS.DIGEST_LENGTH
    scheme = padding.PKCS1v15() if change == "pkcs1v15" else padding.PSS(mgf=padding.MGF1(digest), salt_length=salt)
    return base64.b64encode(key.sign(body, scheme, digest)).decode()


@pytest.mark.parametrize("change", ["other_key", "pkcs1v15", "pss_sha256"])
def test_utila_near_misses_are_401(change: str) -> None:
    """Utila's key signing with the wrong padding or hash, or another key: never verified."""
    sample = SAMPLES["utila"]
    headers = {"x-utila-signature": _utila_signature(change, sample.body)}
    with pytest.raises(Unauthorized):
        verify("utila", sample.body, headers, time.time(), sample.secret)


@pytest.fixture
def neon_keys(google_certs, monkeypatch):
    """The loopback server publishes the test JWKS under the sample Neon Auth URL's path."""
    monkeypatch.setenv("NEON_CERTS_URL", google_certs.url.split("/oauth2/", 1)[0])


def _neon_headers(change: str, body: bytes, now: int) -> dict[str, str]:
    from jwcrypto import jwk, jws

    from tests.signers import NEON_KID, neon, neon_key

    sign = {
        "other_key": neon(jwk.JWK.generate(kty="OKP", crv="Ed25519")),
        "unknown_kid": neon(kid="01dec52b-0000-0000-0000-000000000000"),
        # The public key's JSON as an HMAC secret: the classic algorithm confusion.
        "hs256_with_public_key": neon(jwk.JWK.from_password(neon_key().export_public()), algorithm="HS256"),
    }.get(change, neon())
    headers = sign(body, now)
    if change == "naive_signing_input":
        # `timestamp.body` signed as the payload, without the second base64url the docs warn about.
        token = jws.JWS(headers["X-Neon-Timestamp"].encode() + b"." + body)
        token.add_signature(neon_key(), alg="EdDSA", protected={"alg": "EdDSA", "kid": NEON_KID})
        token.detach_payload()
        headers["X-Neon-Signature"] = token.serialize(compact=True)
    if change == "attached_payload":
        header, _, signature = headers["X-Neon-Signature"].split(".")
        headers["X-Neon-Signature"] = f"{header}.e30.{signature}"
    if change == "other_timestamp":
        headers["X-Neon-Timestamp"] = str(int(headers["X-Neon-Timestamp"]) + 1)
    if change == "no_kid":
        del headers["X-Neon-Signature-Kid"]
    return headers


NEON_CHANGES = [
    "other_key",
    "unknown_kid",
    "hs256_with_public_key",
    "naive_signing_input",
    "attached_payload",
    "other_timestamp",
    "no_kid",
    "body",
]


@pytest.mark.parametrize("change", NEON_CHANGES)
def test_neon_near_misses_are_401(neon_keys, change: str) -> None:
    """Each change alone breaks a delivery that verifies unchanged."""
    sample, now = SAMPLES["neon"], int(time.time())
    verify("neon", sample.body, _neon_headers("none", sample.body, now), now, sample.secret)
    headers = _neon_headers(change, sample.body, now)
    body = sample.body.replace(b"credential", b"google") if change == "body" else sample.body
    with pytest.raises(Unauthorized):
        verify("neon", body, headers, now, sample.secret)


def test_neon_auth_url_must_be_https(neon_keys) -> None:
    sample, now = SAMPLES["neon"], int(time.time())
    with pytest.raises(NotConfigured) as error:
        verify("neon", sample.body, sample.sign(sample.body, now), now, sample.secret.replace("https://", "http://"))
    assert error.value.variable == "NEON_AUTH_URL"


# Issue 14: the claim check feeds a large body to `stream()` chunk by chunk instead of
# calling the scheme on it whole: every provider whose scheme streams, from its sample. A
# template that needs more of the body than its bytes in order ({form}, {body_sha256}) does
# not stream: the pipeline holds such bodies.
STREAMING = sorted(
    p
    for p, provider in PROVIDERS.items()
    if isinstance(provider.verify, Hmac) and not {"form", "body_sha256"} & set(provider.verify._pieces[1::2])
)


def test_some_schemes_do_not_stream() -> None:
    assert {"twilio", "netlify", "discord"}.isdisjoint(STREAMING)
    assert {"github", "stripe", "slack", "shopify"} <= set(STREAMING)


def checked(provider: str, body: bytes, headers: dict[str, str], now: float, pieces: int) -> None:
    """Verify as the pipeline does a large body: the headers first, then the body in `pieces` parts."""
    sample, declared = SAMPLES[provider], PROVIDERS[provider]
    bare = delivery(provider, b"", headers, now, path=f"/{provider}", query=sample.query)
    check = declared.verify.stream(bare, load(provider, declared.secret))
    step = max(1, len(body) // pieces)
    for start in range(0, len(body), step):
        check.update(body[start : start + step])
    check.verify()


@pytest.mark.parametrize("provider", STREAMING)
def test_stream_agrees_with_the_whole_body_check(provider: str, monkeypatch) -> None:
    sample, declared = SAMPLES[provider], PROVIDERS[provider]
    for name, value in {**sample.settings, f"{provider.upper()}_{declared.secret}": sample.secret}.items():
        monkeypatch.setenv(name, value)
    now = int(time.time())
    body = sample.body_at(now)
    headers = {"Content-Type": sample.content_type, **sample.headers, **sample.sign(body, now)}
    declared.verify(
        delivery(provider, body, headers, now, f"/{provider}", sample.query), load(provider, declared.secret)
    )
    checked(provider, body, headers, now, pieces=5)
    with pytest.raises(Unauthorized, match="bad_signature"):
        checked(provider, body + b" ", headers, now, pieces=3)
    with pytest.raises(Unauthorized, match="bad_signature"):
        checked(provider, body[:-1] + bytes([body[-1] ^ 1]), headers, now, pieces=1)


HEADER_ONLY = sorted(
    p for p, provider in PROVIDERS.items() if isinstance(provider.verify, (Token, NamedToken, QueryToken, BasicAuth))
)


@pytest.mark.parametrize("provider", HEADER_ONLY)
def test_header_only_schemes_check_before_the_body(provider: str, monkeypatch) -> None:
    """Tokens never cover the body: `stream()` is the whole check, before a large body is read."""
    sample, declared = SAMPLES[provider], PROVIDERS[provider]
    for name, value in {**sample.settings, f"{provider.upper()}_{declared.secret}": sample.secret}.items():
        monkeypatch.setenv(name, value)
    headers = {**sample.headers, **sample.sign(sample.body, int(time.time()))}
    bare = delivery(provider, b"", headers, time.time(), path=f"/{provider}", query=sample.query)
    check = declared.verify.stream(bare, load(provider, declared.secret))
    check.update(b"anything")
    check.verify()
    with pytest.raises(Unauthorized):
        declared.verify.stream(bare, (Secret(b"not-the-secret"),))
