"""Google-signed ID tokens (pubsub_push, cloud_run): the real google-auth verification against
the test key's certificates, served on loopback; end to end and in process."""

from __future__ import annotations

import time

import pytest

from functions import PROVIDERS
from shared.delivery import Delivery
from shared.errors import Unauthorized, Unavailable
from shared.google_token import TRANSPORT, GoogleToken
from shared.secrets import Secret
from tests.conftest import free_port
from tests.signers import SAMPLES, google_id_token

TOKEN_PROVIDERS = sorted(p for p, sample in SAMPLES.items() if sample.token_claims)


def _other_key():
    from cryptography.hazmat.primitives.asymmetric import rsa

    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


NOW = int(time.time())
# Each near miss changes one thing about a good token.
BAD = {
    "expired": ({"iat": NOW - 7200, "exp": NOW - 3600}, {}),
    "wrong_audience": ({"aud": "https://elsewhere.example.test/hook"}, {}),
    "wrong_issuer": ({"iss": "https://issuer.example.test"}, {}),
    "wrong_email": ({"email": "intruder@other-project.iam.gserviceaccount.com"}, {}),
    "unverified_email": ({"email_verified": False}, {}),
    "no_email": ({"email": None}, {}),
    "unknown_key": ({}, {"kid": "test-key-2"}),
    "wrong_key_same_kid": ({}, {"key": "other"}),
}


def bad_token(provider: str, name: str) -> str:
    changes, how = BAD[name]
    claims = {**SAMPLES[provider].token_claims, "iat": NOW, "exp": NOW + 3600, **changes}
    claims = {k: v for k, v in claims.items() if v is not None}
    key = _other_key() if how.get("key") else None
    return google_id_token(claims, key=key, **({"kid": how["kid"]} if "kid" in how else {}))


@pytest.mark.parametrize("name", sorted(BAD))
@pytest.mark.parametrize("provider", TOKEN_PROVIDERS)
def test_bad_token_is_401_and_not_published(server, topic, provider: str, name: str) -> None:
    subscription = topic(provider)
    sample = SAMPLES[provider]
    headers = {
        "Content-Type": sample.content_type,
        **sample.headers,
        "Authorization": f"Bearer {bad_token(provider, name)}",
    }
    response = server.post(f"/{provider}", sample.body, headers)
    assert response.status_code == 401
    assert subscription.pull() == []


@pytest.mark.parametrize("provider", TOKEN_PROVIDERS)
@pytest.mark.parametrize("value", ["Bearer", "Bearer not.a.jwt", "Basic dXNlcjpwYXNz", "bearer " + "A" * 5000])
def test_malformed_authorization_is_401(server, provider: str, value: str) -> None:
    sample = SAMPLES[provider]
    response = server.post(f"/{provider}", sample.body, {"Content-Type": sample.content_type, "Authorization": value})
    assert response.status_code == 401


# In process: the same scheme, the certificates still fetched over HTTP from loopback.


def delivery(provider: str, token: str, url: str = "https://hooks.example.test/x") -> Delivery:
    scheme, _, rest = url.partition("://")
    host, _, path = rest.partition("/")
    return Delivery(
        provider=provider,
        method="POST",
        path="/" + path,
        headers={"Authorization": f"Bearer {token}"},
        body=b"{}",
        scheme=scheme,
        host=host,
    )


def good_token(provider: str, **changes) -> str:
    return google_id_token({**SAMPLES[provider].token_claims, "iat": NOW, "exp": NOW + 3600, **changes})


def allowed(provider: str) -> tuple[Secret, ...]:
    return tuple(Secret(email.encode()) for email in SAMPLES[provider].secret.split(","))


@pytest.fixture
def configured(monkeypatch, google_certs):
    def configure(provider: str, audience: str | None = None) -> None:
        monkeypatch.setenv(f"{provider.upper()}_CERTS_URL", google_certs.url)
        if audience is not None:
            monkeypatch.setenv(f"{provider.upper()}_AUDIENCE", audience)
        else:
            monkeypatch.delenv(f"{provider.upper()}_AUDIENCE", raising=False)

    TRANSPORT.clear()
    yield configure
    TRANSPORT.clear()


@pytest.mark.parametrize("provider", TOKEN_PROVIDERS)
def test_certificates_are_fetched_once_then_cached(configured, google_certs, provider: str) -> None:
    configured(provider, SAMPLES[provider].token_claims["aud"])
    before = len(google_certs.requests)
    for _ in range(3):
        PROVIDERS[provider].verify(delivery(provider, good_token(provider)), allowed(provider))
    assert len(google_certs.requests) == before + 1


@pytest.mark.parametrize("provider", TOKEN_PROVIDERS)
def test_default_audience_is_the_url_called(configured, monkeypatch, provider: str) -> None:
    """Without <ID>_AUDIENCE the token must be for the public URL (or its origin), nothing else."""
    configured(provider)
    monkeypatch.setenv(f"{provider.upper()}_PUBLIC_URL", "https://hooks.example.test/receive")
    verify = PROVIDERS[provider].verify
    for audience in ("https://hooks.example.test/receive", "https://hooks.example.test"):
        verify(delivery(provider, good_token(provider, aud=audience)), allowed(provider))
    with pytest.raises(Unauthorized):
        verify(delivery(provider, good_token(provider, aud="https://hooks.example.test/other")), allowed(provider))


def test_unreachable_certificates_are_503_not_401(monkeypatch) -> None:
    monkeypatch.setenv("CLOUD_RUN_CERTS_URL", f"http://127.0.0.1:{free_port()}/certs")
    monkeypatch.setenv("CLOUD_RUN_AUDIENCE", "https://hooks.example.test/x")
    TRANSPORT.clear()
    with pytest.raises(Unavailable):
        GoogleToken()(delivery("cloud_run", good_token("cloud_run")), allowed("cloud_run"))


def test_the_secrets_are_the_allowed_callers(configured) -> None:
    configured("cloud_run", SAMPLES["cloud_run"].token_claims["aud"])
    token = good_token("cloud_run")
    GoogleToken()(delivery("cloud_run", token), allowed("cloud_run"))
    with pytest.raises(Unauthorized, match="wrong_caller"):
        GoogleToken()(delivery("cloud_run", token), (Secret(b"someone-else@x.iam.gserviceaccount.com"),))


def stripped(token: str) -> str:
    """The token as Cloud Run forwards it after its own IAM check: signature replaced."""
    return token.rsplit(".", 1)[0] + ".SIGNATURE_REMOVED_BY_GOOGLE"


@pytest.mark.parametrize("provider", TOKEN_PROVIDERS)
def test_a_token_stripped_by_cloud_run_iam_needs_invoker_iam(configured, monkeypatch, provider: str) -> None:
    """deploy.sh deploys these behind IAM and says so; elsewhere a stripped token proves nothing."""
    configured(provider, SAMPLES[provider].token_claims["aud"])
    token = stripped(good_token(provider))
    with pytest.raises(Unauthorized, match="signature_removed"):
        PROVIDERS[provider].verify(delivery(provider, token), allowed(provider))
    monkeypatch.setenv(f"{provider.upper()}_INVOKER_IAM", "true")
    PROVIDERS[provider].verify(delivery(provider, token), allowed(provider))


@pytest.mark.parametrize("name", ["expired", "wrong_audience", "wrong_issuer", "wrong_email", "unverified_email"])
@pytest.mark.parametrize("provider", TOKEN_PROVIDERS)
def test_stripped_tokens_still_have_their_claims_checked(configured, monkeypatch, provider: str, name: str) -> None:
    configured(provider, SAMPLES[provider].token_claims["aud"])
    monkeypatch.setenv(f"{provider.upper()}_INVOKER_IAM", "true")
    with pytest.raises(Unauthorized):
        PROVIDERS[provider].verify(delivery(provider, stripped(bad_token(provider, name))), allowed(provider))
