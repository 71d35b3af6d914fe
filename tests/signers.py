"""The only place a test signs anything: each provider's official SDK, or its published vector.

Each provider has a module in tests/samples/ holding `SAMPLE`: from outside our code,
what a valid delivery looks like, what its handshakes answer and what the message in
Pub/Sub must carry. This module holds the Sample type, the signers several samples
share, and SAMPLES, discovered from that package.
"""

from __future__ import annotations

import base64
import functools
import hmac
import importlib
import json
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

Sign = Callable[[bytes, int], dict[str, str]]
"""(body, unix time) → the headers the provider's own SDK would send."""


@dataclass(frozen=True, kw_only=True)
class Exchange:
    """A handshake: the request the provider sends and the answer it expects; never published."""

    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    method: str = "POST"
    query: str = ""
    signed: bool = True  # whether the sample's signer signs it (a GET challenge usually is not)
    status: int = 200
    answer: bytes | None = b""  # None: any body
    answer_headers: dict[str, str] = field(default_factory=dict)
    attributes: dict[str, str] = field(default_factory=dict)  # for variants: what the message carries
    data: bytes | None = None  # for variants: the message's data, where not the body (a GET's parameters)


@dataclass(frozen=True, kw_only=True)
class Sample:
    """A provider's test facts: secret, signer, a valid body and the attributes it yields."""

    secret: str
    sign: Sign
    signature_header: str | None  # None: the signature is not a header (body field, query)
    body: bytes
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    query: str = ""  # query string of every delivery, without `?`
    attributes: dict[str, str] = field(default_factory=dict)
    ack: tuple[int, bytes] = (200, b"")
    ack_headers: dict[str, str] = field(default_factory=dict)
    json: bool = True  # a body that is not JSON is a 400
    signs_body: bool = True  # a changed body fails verification
    # sign() signs any changed body; False where the body carries a signature over its own fields
    # (Adyen, Paymob, SNS, Exact Online), so that changing a field makes a forgery.
    resigns: bool = True
    exchanges: tuple[Exchange, ...] = ()
    settings: dict[str, str] = field(default_factory=dict)  # more variables for the test server
    data: bytes | None = None  # what Pub/Sub's message data must be, where not the body (Pub/Sub push)
    token_claims: dict[str, object] = field(default_factory=dict)  # Google-signed ID tokens: the good claims
    serves_cert: bool = False  # signed with a `signing_certificate()` key: `<ID>_CERTS_URL` is the test certs server
    # Where the body itself carries a signature or a signed timestamp (Mailgun, Linear):
    # the body as the provider would send it at a given unix time.
    fresh: Callable[[int], bytes] | None = None
    # Bodies at a given time that must be refused with 401 (near misses of an in-body signature).
    forgeries: tuple[Callable[[int], bytes], ...] = ()
    variants: tuple[Exchange, ...] = ()  # more valid deliveries, published, with their own answer
    rejects: tuple[Exchange, ...] = ()  # near misses without a signature header to flip: refused, never published

    def body_at(self, now: int) -> bytes:
        """The valid body as sent at `now`."""
        return self.fresh(now) if self.fresh else self.body


def vector(headers: dict[str, str]) -> Sign:
    """A published vector: the signature is fixed, so only its own body verifies."""

    def sign(body: bytes, now: int) -> dict[str, str]:
        return dict(headers)

    return sign


def token(header: str, secret: str) -> Sign:
    """A shared secret sent as is: nothing to compute."""

    def sign(body: bytes, now: int) -> dict[str, str]:
        return {header: secret}

    return sign


def documented(
    secret: str,
    headers: Callable[[str, int], dict[str, str]],
    *,
    message: Callable[[bytes, int], bytes] = lambda body, now: body,
    algorithm: str = "sha256",
    encoding: str = "hex",
) -> Sign:
    """Python's hmac used exactly as the provider's docs describe, where no SDK signs.

    `message` builds the signed bytes and `headers` lays the signature out, each
    spelled in the sample as the provider documents it.
    """

    def sign(body: bytes, now: int) -> dict[str, str]:
        digest = hmac.new(secret.encode(), message(body, now), algorithm).digest()
        if encoding == "base64url":  # RFC 4648 section 5, unpadded (Sanity)
            return headers(base64.urlsafe_b64encode(digest).rstrip(b"=").decode(), now)
        return headers(digest.hex() if encoding == "hex" else base64.b64encode(digest).decode(), now)

    return sign


def svix(secret: str, msg_id: str, prefix: str = "svix") -> Sign:
    """Svix's own Webhook.sign, headers under `prefix` (Clerk, Resend and other Svix senders)."""

    def sign(body: bytes, now: int) -> dict[str, str]:
        from svix.webhooks import Webhook

        signature = Webhook(secret).sign(msg_id, datetime.fromtimestamp(now, UTC), body.decode())
        return {f"{prefix}-id": msg_id, f"{prefix}-timestamp": str(now), f"{prefix}-signature": signature}

    return sign


def stdlib_hmac(
    secret: str,
    header: str,
    algorithm: str = "sha256",
    encoding: str = "hex",
    layout: str = "{signature}",
    message: Callable[[bytes, int], bytes] = lambda body, now: body,
) -> Sign:
    """`documented` for the common case: one header laid out as `layout` (`{signature}`, `{timestamp}`)."""
    return documented(
        secret,
        lambda signature, now: {header: layout.format(signature=signature, timestamp=now)},
        message=message,
        algorithm=algorithm,
        encoding=encoding,
    )


def basic(user_password: str) -> Sign:
    """HTTP Basic credentials, built by urllib3."""

    def sign(body: bytes, now: int) -> dict[str, str]:
        from urllib3.util import make_headers

        return {"Authorization": make_headers(basic_auth=user_password)["authorization"]}

    return sign


# Google-signed ID tokens, the way Google signs them: RS256 with a `kid` naming one of the
# certificates served as {kid: x509 PEM} (https://www.googleapis.com/oauth2/v1/certs).
GOOGLE_KID = "test-key-1"


def _google_key():
    return signing_certificate("test-google-certs")[0]


def google_certs() -> dict[str, str]:
    """The test key's self-signed certificate, as Google's v1/certs serves its own."""
    return {GOOGLE_KID: signing_certificate("test-google-certs")[1].decode()}


def google_id_token(claims: dict[str, object], key=None, kid: str = GOOGLE_KID) -> str:
    """An ID token signed with pyjwt (RS256) by the test key, or by `key`."""
    import jwt

    return jwt.encode(claims, key or _google_key(), algorithm="RS256", headers={"kid": kid})


def google(claims: dict[str, object]) -> Sign:
    """`Authorization: Bearer` with a token valid for an hour from `now`."""

    def sign(body: bytes, now: int) -> dict[str, str]:
        return {"Authorization": "Bearer " + google_id_token({**claims, "iat": now, "exp": now + 3600})}

    return sign


@functools.cache
def rsa_key(name: str):
    """A test RSA-2048 private key, made once per run for the sample `name`."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def public_der(key) -> str:
    """A private key's public half as one line of base64 DER (SubjectPublicKeyInfo): how a
    provider's console shows it, and how an environment variable holds it."""
    from cryptography.hazmat.primitives import serialization

    der = key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(der).decode()


def sns_signing():
    """A test RSA key and its self-signed certificate (PEM), as SNS serves one at SigningCertURL."""
    return signing_certificate("sns.us-east-1.amazonaws.com")


def paypal_signing():
    """A test RSA key and its certificate, named as PayPal names its webhook signing certificate."""
    return signing_certificate("messageverificationcerts.paypal.com")


FIREBLOCKS_KID = "webhook-key-test-01"


@functools.cache
def fireblocks_key():
    """A test RSA key as a jwcrypto JWK, published (public part) by the loopback JWKS server."""
    from jwcrypto import jwk

    return jwk.JWK.generate(kty="RSA", size=2048, kid=FIREBLOCKS_KID, alg="RS512", use="sig")


def fireblocks_jwks() -> bytes:
    """The JWKS document Fireblocks serves at keys.fireblocks.io/.well-known/jwks.json, with the test key."""
    return json.dumps({"keys": [fireblocks_key().export_public(as_dict=True)]}).encode()


NEON_KID = "01dec52b-4666-40f7-87ed-6423552eecaf"
NEON_JWKS_PATH = "/neondb/auth/.well-known/jwks.json"  # where a Neon Auth URL (`.../neondb/auth`) serves its keys


@functools.cache
def neon_key():
    """A test Ed25519 key as a jwcrypto JWK, published (public part) by the loopback JWKS server."""
    from jwcrypto import jwk

    return jwk.JWK.generate(kty="OKP", crv="Ed25519", kid=NEON_KID, use="sig")


def neon_jwks() -> bytes:
    """The JWKS document a Neon Auth URL serves at /.well-known/jwks.json, with the test key."""
    return json.dumps({"keys": [neon_key().export_public(as_dict=True)]}).encode()


def neon(key=None, kid: str = NEON_KID, algorithm: str = "EdDSA") -> Sign:
    """Neon Auth's detached JWS, made by jwcrypto as neon.com/docs/auth/guides/webhooks describes:
    the JWS payload is `<timestamp ms>.<base64url(body)>`, the compact form `header..signature`."""

    def sign(body: bytes, now: int) -> dict[str, str]:
        from jwcrypto import jws

        timestamp = str(now * 1000)
        payload = f"{timestamp}.{base64.urlsafe_b64encode(body).rstrip(b'=').decode()}".encode()
        token = jws.JWS(payload)
        token.add_signature(key or neon_key(), alg=algorithm, protected={"alg": algorithm, "typ": "JWS", "kid": kid})
        token.detach_payload()
        return {
            "X-Neon-Signature": token.serialize(compact=True),
            "X-Neon-Signature-Kid": kid,
            "X-Neon-Timestamp": timestamp,
        }

    return sign


def detached_jws(header: str, key, kid: str, algorithm: str = "RS512") -> Sign:
    """A detached compact JWS over the body (`header..signature`), made by jwcrypto."""

    def sign(body: bytes, now: int) -> dict[str, str]:
        from jwcrypto import jws

        token = jws.JWS(body)
        token.add_signature(key, alg=algorithm, protected={"alg": algorithm, "kid": kid})
        token.detach_payload()
        return {header: token.serialize(compact=True)}

    return sign


@functools.cache
def signing_certificate(common_name: str):
    """A test RSA key and a self-signed certificate (PEM) for `common_name`, valid today."""
    from datetime import timedelta

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=2))
        .sign(key, hashes.SHA256())
    )
    return key, certificate.public_bytes(serialization.Encoding.PEM)


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


def mac(secret: str, message: bytes, algorithm: str = "SHA256") -> bytes:
    """An HMAC as the providers document it, computed by `cryptography` (never our schemes)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.hmac import HMAC

    signer = HMAC(secret.encode("utf-8"), getattr(hashes, algorithm)())
    signer.update(message)
    return signer.finalize()


def _discover() -> dict[str, Sample]:
    from tests import samples

    found = (m.name for m in pkgutil.iter_modules(samples.__path__) if not m.name.startswith("_"))
    modules = {name: importlib.import_module(f"tests.samples.{name}") for name in sorted(found)}
    for module in modules.values():
        # Audited everywhere, also where a test imports a sample's module directly.
        module.SAMPLE = replace(module.SAMPLE, sign=_audited(module.SAMPLE))
    return {name: module.SAMPLE for name, module in modules.items()}


def _audited(sample: Sample) -> Sign:
    """The sample's signer, telling the log audit (tests/leaks.py) each signature it makes."""
    header = (sample.signature_header or "").lower()

    def sign(body: bytes, now: int) -> dict[str, str]:
        from tests import leaks

        headers = sample.sign(body, now)
        for name, value in headers.items():
            if name.lower() == header:
                leaks.signature(value)
        return headers

    return sign


SAMPLES: dict[str, Sample] = _discover()


def environment(certs_url: str = "") -> dict[str, str]:
    """The variables that configure every provider with its sample secret.

    `certs_url` serves the test key's certificates (see `google_certs`); providers whose
    samples carry Google-signed tokens are pointed at it.
    """
    from functions import PROVIDERS

    env: dict[str, str] = {}
    for provider, sample in SAMPLES.items():
        env[f"{provider.upper()}_{PROVIDERS[provider].secret}"] = sample.secret
        env.update(sample.settings)
        if sample.token_claims and certs_url:
            env[f"{provider.upper()}_CERTS_URL"] = certs_url
        if sample.serves_cert and certs_url:
            # The same loopback server serves the SNS and PayPal test certificates (conftest.py).
            env[f"{provider.upper()}_CERTS_URL"] = certs_url.split("/oauth2/", 1)[0]
    return env


# GitHub publishes a vector, not a signer: its docs' Python check ("Validating webhook
# deliveries": `"sha256=" + hmac.new(secret, payload, sha256).hexdigest()`), run as the
# sender, signs bodies of any size (the 25 MB pushes of the claim check). test_bodies checks
# it reproduces the published vector first.
GITHUB_DOCS: Sign = _audited(
    replace(
        SAMPLES["github"],
        sign=stdlib_hmac(SAMPLES["github"].secret, "X-Hub-Signature-256", layout="sha256={signature}"),
    )
)
