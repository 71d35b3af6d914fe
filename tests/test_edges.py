"""Edges real setups meet: secrets and keys in the forms operators paste, Standard Webhooks
secrets without their prefix, RSA-PSS salt lengths. In-process, parametrized from declarations."""

from __future__ import annotations

import base64
import time

import pytest
from werkzeug.datastructures import Headers

from functions import PROVIDERS
from shared import secrets
from shared.delivery import Delivery
from shared.errors import NotConfigured, Unauthorized
from shared.schemes import Hmac, public_key, whsec
from shared.schemes.public_key import _ed25519_key
from tests.signers import SAMPLES, svix

PUBLIC_KEYED = sorted(p for p, provider in PROVIDERS.items() if provider.secret == "PUBLIC_KEY")


def _delivery(provider: str, body: bytes, headers: dict[str, str], now: float) -> Delivery:
    sample = SAMPLES[provider]
    return Delivery(
        provider=provider,
        method="POST",
        path=f"/{provider}",
        headers=Headers({"Content-Type": sample.content_type, **sample.headers, **headers}),
        body=body,
        query_string=sample.query.encode(),
        received_at=now,
    )


def _verify_configured(provider: str, body: bytes, headers: dict[str, str], now: float) -> None:
    """Verify with what `<ID>_<secret>` holds, read and split as a deployed function reads it."""
    declared = PROVIDERS[provider]
    declared.verify(_delivery(provider, body, headers, now), secrets.load(provider, declared.secret))


def _sample_key(provider: str):
    value = SAMPLES[provider].secret.encode()
    return _ed25519_key(value) or public_key(value)


def _forms(key) -> dict[str, str]:
    """The key as operators paste it: PEM (as shown, CRLF, folded to one line by a console,
    `\\n`-escaped by a .env file), one line of base64 DER, and raw bytes where the key has them."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    pem = key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    der = key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    forms = {
        "pem": pem,
        "pem_crlf": pem.replace("\n", "\r\n"),
        "pem_folded": pem.replace("\n", " ").strip(),
        "pem_escaped": pem.strip().replace("\n", "\\n"),
        "der": base64.b64encode(der).decode(),
    }
    if isinstance(key, Ed25519PublicKey):
        raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        forms["raw_base64"] = base64.b64encode(raw).decode()
        forms["raw_hex"] = raw.hex()
    return forms


FORMS = ["pem", "pem_crlf", "pem_folded", "pem_escaped", "der"]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("provider", PUBLIC_KEYED)
def test_public_key_in_every_form_verifies(provider: str, form: str, monkeypatch) -> None:
    """Wherever a public key is configured, the PEM pasted whole (its newlines not taken for a
    list), its one-line base64 DER and its raw bytes all verify the sample's delivery."""
    sample, now = SAMPLES[provider], int(time.time())
    for name, value in sample.settings.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv(f"{provider.upper()}_PUBLIC_KEY", _forms(_sample_key(provider))[form])
    body = sample.body_at(now)
    _verify_configured(provider, body, sample.sign(body, now), now)


ED25519 = [p for p in PUBLIC_KEYED if getattr(PROVIDERS[p].verify, "algorithm", None) == "ed25519"]


@pytest.mark.parametrize("form", ["raw_base64", "raw_hex"])
@pytest.mark.parametrize("provider", ED25519)
def test_ed25519_raw_key_verifies(provider: str, form: str, monkeypatch) -> None:
    sample, now = SAMPLES[provider], int(time.time())
    monkeypatch.setenv(f"{provider.upper()}_PUBLIC_KEY", _forms(_sample_key(provider))[form])
    _verify_configured(provider, sample.body, sample.sign(sample.body, now), now)


@pytest.mark.parametrize("provider", PUBLIC_KEYED)
def test_rotation_of_pem_keys_in_one_variable(provider: str, monkeypatch) -> None:
    """An old key (another sample's, as PEM) and the current one (PEM) pasted one after the other:
    two entries, and the current one verifies; the old one alone is refused."""
    sample, now = SAMPLES[provider], int(time.time())
    for name, value in sample.settings.items():
        monkeypatch.setenv(name, value)
    others = [p for p in PUBLIC_KEYED if p != provider]
    other = next((p for p in others if type(_sample_key(p)) is type(_sample_key(provider))), others[0])
    old, current = _forms(_sample_key(other))["pem"], _forms(_sample_key(provider))["pem"]
    body = sample.body_at(now)
    monkeypatch.setenv(f"{provider.upper()}_PUBLIC_KEY", f"{old}\n{current}")
    assert len(secrets.load(provider, "PUBLIC_KEY")) == 2
    _verify_configured(provider, body, sample.sign(body, now), now)
    monkeypatch.setenv(f"{provider.upper()}_PUBLIC_KEY", old)
    with pytest.raises((Unauthorized, NotConfigured)):
        _verify_configured(provider, body, sample.sign(body, now), now)


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("old,new", ["old", "new"]),
        (" old , new ", ["old", "new"]),
        ("old\nnew", ["old", "new"]),
        ("pass,word\nother", ["pass,word", "other"]),  # on lines of their own, commas are kept
        ("a\r\nb\n\n", ["a", "b"]),
        (
            "-----BEGIN PUBLIC KEY-----\nAAAA\nBBBB\n-----END PUBLIC KEY-----,old",
            ["-----BEGIN PUBLIC KEY-----\nAAAA\nBBBB\n-----END PUBLIC KEY-----", "old"],
        ),
        ("file:/a,projects/p/secrets/s/versions/1", ["file:/a", "projects/p/secrets/s/versions/1"]),
        (" , \n", []),
    ],
)
def test_entries_rules(raw: str, expected: list[str]) -> None:
    assert secrets.entries(raw) == expected


def test_a_file_holding_two_pem_keys_is_two_keys(tmp_path, monkeypatch) -> None:
    pems = [_forms(_sample_key(p))["pem"] for p in ("bridge_xyz", "utila")]
    path = tmp_path / "keys.pem"
    path.write_text("".join(pems))
    monkeypatch.setenv("BRIDGE_XYZ_PUBLIC_KEY", f"file:{path}")
    assert [s.value.decode().strip() for s in secrets.load("bridge_xyz", "PUBLIC_KEY")] == [p.strip() for p in pems]


def test_a_secret_with_a_comma_survives_on_its_own_line(monkeypatch) -> None:
    """GitHub's secret may contain a comma: listed one a line, it verifies."""
    sample, now = SAMPLES["github"], int(time.time())
    secret = "pass,word"
    from tests.signers import stdlib_hmac

    headers = stdlib_hmac(secret, "X-Hub-Signature-256", layout="sha256={signature}")(sample.body, now)
    monkeypatch.setenv("GITHUB_WEBHOOK_SECRET", f"old-secret\n{secret}")
    _verify_configured("github", sample.body, {**sample.sign(sample.body, now), **headers}, now)


# Standard Webhooks: every declaration keyed by `whsec` (the spec's key format).
STANDARD = sorted(
    p for p, provider in PROVIDERS.items() if isinstance(provider.verify, Hmac) and provider.verify.key is whsec
)


def _header_prefix(provider: str) -> str:
    return PROVIDERS[provider].verify.header.removesuffix("-signature")


@pytest.mark.parametrize("provider", STANDARD)
@pytest.mark.parametrize("configured", ["without_prefix", "without_padding", "with_prefix"])
def test_standard_webhooks_secret_with_or_without_its_prefix(provider: str, configured: str, monkeypatch) -> None:
    """The standardwebhooks and svix libraries take `whsec_<base64>` or the base64 alone: so do we.
    Signed by svix's own Webhook.sign with the sample's `whsec_` secret."""
    sample, now = SAMPLES[provider], int(time.time())
    bare = sample.secret.removeprefix("whsec_")
    value = {"without_prefix": bare, "without_padding": bare.rstrip("="), "with_prefix": sample.secret}[configured]
    monkeypatch.setenv(f"{provider.upper()}_WEBHOOK_SECRET", value)
    _verify_configured(provider, sample.body, sample.sign(sample.body, now), now)


@pytest.mark.parametrize("provider", STANDARD)
def test_standard_webhooks_sdk_signing_with_a_bare_secret(provider: str, monkeypatch) -> None:
    """svix's Webhook.sign given the base64 secret without `whsec_`, ours configured either way."""
    sample, now = SAMPLES[provider], int(time.time())
    bare = sample.secret.removeprefix("whsec_")
    msg_id = SAMPLES[provider].attributes.get("delivery_id", "msg_1")
    headers = svix(bare, msg_id, prefix=_header_prefix(provider))(sample.body, now)
    for value in (bare, sample.secret):
        monkeypatch.setenv(f"{provider.upper()}_WEBHOOK_SECRET", value)
        _verify_configured(provider, sample.body, headers, now)
    monkeypatch.setenv(f"{provider.upper()}_WEBHOOK_SECRET", "whsec_" + base64.b64encode(b"another key").decode())
    with pytest.raises(Unauthorized):
        _verify_configured(provider, sample.body, headers, now)


@pytest.mark.parametrize("salt_length", [0, 20, 32, 64, 190, "max"])
def test_utila_pss_salt_length_is_read_from_the_signature(salt_length) -> None:
    """Utila's salt length is known only from third-party code (the digest's 64 bytes): any length
    verifies (cryptography's PSS.AUTO); another body with the same signature does not."""
    from cryptography.hazmat.primitives.asymmetric import padding

    from tests.samples import utila

    sample, now = SAMPLES["utila"], int(time.time())
    headers = utila.sign(sample.body, now, padding.PSS.MAX_LENGTH if salt_length == "max" else salt_length)
    PROVIDERS["utila"].verify(_delivery("utila", sample.body, headers, now), (secrets.Secret(sample.secret.encode()),))
    with pytest.raises(Unauthorized):
        PROVIDERS["utila"].verify(
            _delivery("utila", sample.body + b" ", headers, now), (secrets.Secret(sample.secret.encode()),)
        )


@pytest.mark.parametrize(
    "body,event_type,delivery_id",
    [
        ("STREAM_ONE", "com.twilio.messaging.message.delivered", "EZ00000000000000000000000000000001"),
        ("STREAM_SAME", "com.twilio.messaging.message.delivered", None),
        ("STREAM_MIXED", None, None),
        ("JSON_BODY", None, None),
    ],
)
def test_twilio_event_streams_facts(body: str, event_type: str | None, delivery_id: str | None) -> None:
    """Event Streams' JSON array of CloudEvents: the `type` its events share, the `id` of a batch
    of one; no idempotency header here, so none where the batch holds several."""
    from tests.samples import twilio

    posted = Delivery(
        provider="twilio",
        method="POST",
        path="/twilio",
        headers=Headers({"Content-Type": "application/json"}),
        body=getattr(twilio, body),
    )
    assert PROVIDERS["twilio"].event_type(posted) == event_type
    assert PROVIDERS["twilio"].delivery_id(posted) == delivery_id
