"""Cloud Run services calling each other: a Google-signed ID token from an allowed service account."""

from __future__ import annotations

from shared.google_token import GoogleToken
from shared.provider import Provider, Retries, header

PROVIDER = Provider(
    id="cloud_run",
    docs="https://cloud.google.com/run/docs/authenticating/service-to-service",
    summary="Google-signed ID token, `Authorization: Bearer`; aud = the URL or `CLOUD_RUN_AUDIENCE`, email",
    secret="SERVICE_ACCOUNTS",
    verify=GoogleToken(),
    # Callers that send CloudEvents in binary mode (as Eventarc does) name them in Ce-* headers.
    event_type=header("Ce-Type"),
    delivery_id=header("Ce-Id"),
    source=header("Ce-Source"),
    timeout=10,
    variables=("CLOUD_RUN_AUDIENCE", "CLOUD_RUN_CERTS_URL"),
    retries=Retries(
        retries=None,
        on="depends on the calling service (not a single provider)",
        source="https://cloud.google.com/run/docs/authenticating/service-to-service",
    ),
)
