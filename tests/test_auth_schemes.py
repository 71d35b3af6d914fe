"""Shared-secret schemes: a token in the query, HTTP Basic, and either() of several."""

from __future__ import annotations

import pytest
from urllib3.util import make_headers

from shared.delivery import Delivery
from shared.errors import Unauthorized
from shared.schemes import Basic, QueryToken, Token, either
from shared.secrets import Secret
from tests.signers import SAMPLES

SECRETS = (Secret(b"old:password"), Secret(b"alerts:s3cret"))


def delivery(headers: dict[str, str] | None = None, query: dict[str, str] | None = None) -> Delivery:
    return Delivery(provider="x", method="POST", path="/", headers=headers or {}, body=b"{}", query=query or {})


def basic(user_password: str) -> dict[str, str]:
    return {"Authorization": make_headers(basic_auth=user_password)["authorization"]}


def test_basic_accepts_any_configured_credentials() -> None:
    Basic()(delivery(basic("alerts:s3cret")), SECRETS)
    Basic()(delivery(basic("old:password")), SECRETS)


@pytest.mark.parametrize(
    "headers",
    [
        {},
        basic("alerts:s3creT"),
        basic("alerts"),
        {"Authorization": "Basic"},
        {"Authorization": "Basic !!!"},
        {"Authorization": "Bearer YWxlcnRzOnMzY3JldA=="},
        {"Authorization": "alerts:s3cret"},
    ],
)
def test_basic_refuses_near_misses(headers) -> None:
    with pytest.raises(Unauthorized):
        Basic()(delivery(headers), SECRETS)


def test_query_token() -> None:
    QueryToken(param="auth_token")(delivery(query={"auth_token": "alerts:s3cret"}), SECRETS)
    for query in ({}, {"auth_token": ""}, {"auth_token": "alerts:s3creT"}, {"token": "alerts:s3cret"}):
        with pytest.raises(Unauthorized):
            QueryToken(param="auth_token")(delivery(query=query), SECRETS)


def test_either_accepts_any_scheme_and_reports_the_wrong_credential() -> None:
    scheme = either(QueryToken(param="auth_token"), Basic())
    scheme(delivery(query={"auth_token": "alerts:s3cret"}), SECRETS)
    scheme(delivery(basic("alerts:s3cret")), SECRETS)
    with pytest.raises(Unauthorized, match="bad_credentials"):
        scheme(delivery(basic("alerts:wrong")), SECRETS)
    with pytest.raises(Unauthorized, match="missing"):
        scheme(delivery(), SECRETS)


def test_either_signs_with_its_first_header_scheme() -> None:
    headers = either(QueryToken(param="t"), Basic()).sign(delivery(), b"alerts:s3cret")
    Basic()(delivery(headers), SECRETS)


def test_either_needs_a_scheme() -> None:
    with pytest.raises(ValueError):
        either()


def test_dialogflow_basic_and_named_header(monkeypatch) -> None:
    from functions.dialogflow import PROVIDER

    secret = SAMPLES["dialogflow"].secret
    secrets = (Secret(secret.encode()),)
    monkeypatch.delenv("DIALOGFLOW_HEADER", raising=False)
    PROVIDER.verify(delivery({"X-Webhook-Secret": secret}), secrets)
    PROVIDER.verify(delivery(basic(secret)), secrets)
    monkeypatch.setenv("DIALOGFLOW_HEADER", "X-Api-Key")
    PROVIDER.verify(delivery({"X-Api-Key": secret}), secrets)
    with pytest.raises(Unauthorized):
        PROVIDER.verify(delivery({"X-Webhook-Secret": secret}), secrets)


def test_token_scheme_is_still_exact() -> None:
    with pytest.raises(Unauthorized):
        Token(header="Authorization")(delivery({"Authorization": "alerts:s3cret "}), SECRETS)


def test_cloud_monitoring_token_in_the_query_end_to_end(server, topic) -> None:
    """`webhook_tokenauth` channels put the secret in the URL they call."""
    subscription = topic("cloud_monitoring")
    sample = SAMPLES["cloud_monitoring"]
    headers = {"Content-Type": "application/json"}
    wrong = server.post("/cloud_monitoring?auth_token=nope", sample.body, headers)
    assert wrong.status_code == 401
    assert subscription.pull() == []
    good = server.post(f"/cloud_monitoring?auth_token={sample.secret}", sample.body, headers)
    assert good.status_code == 200
    assert [m.data for m in subscription.pull(expect=1)] == [sample.body]
