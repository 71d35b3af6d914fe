"""Netlify: a JWS (HS256) in X-Webhook-Signature with `iss: netlify` and `sha256`, the body's hex SHA-256."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import JwtBodyHash

PROVIDER = Provider(
    id="netlify",
    docs="https://docs.netlify.com/site-deploys/deploy-notifications/#payload-signature",
    summary="JWS HS256 with the JWS secret token, `X-Webhook-Signature`, claims `iss=netlify`, `sha256=<body hash>`",
    verify=JwtBodyHash(header="X-Webhook-Signature", issuer="netlify"),
    # One outgoing hook per deploy event; the deploy's state tells them apart. The deploy
    # `id` repeats across its events, so ce-id is a generated UUID.
    event_type=json_field("state"),
    source=json_field("site_id"),
    timeout=10,
    retries=Retries(
        retries=None,
        schedule="unknown (docs silent)",
        source="https://docs.netlify.com/site-deploys/notifications/",
    ),
)
