"""AiPrise: hex HMAC-SHA256 of the raw body with the API private key, in X-HMAC-SIGNATURE."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="aiprise",
    docs="https://docs.aiprise.com/docs/callbacks-authentication",
    summary="HMAC-SHA256 of the body with the API private key, `X-HMAC-SIGNATURE: <hex>`; no timestamp",
    # The secret is the account's API private key: AiPrise signs callbacks with it, not with a
    # per-endpoint secret.
    verify=Hmac(header="X-HMAC-SIGNATURE"),
    # Verification callbacks and `events_callback_url` deliveries share the scheme; AiPrise
    # documents neither an event type nor a delivery id (verification_session_id repeats across a
    # session's callbacks), so ce-type is `aiprise` and ce-id a generated UUID.
    attributes={
        "verification_session_id": json_field("verification_session_id"),
        "client_reference_id": json_field("client_reference_id"),
        "verification_result": json_field("aiprise_summary.verification_result"),
    },
    # AiPrise publishes no delivery timeout: the contract default.
    retries=Retries(
        retries=None,
        schedule="unknown (no retry policy found)",
        source="https://docs.aiprise.com/docs/callbacks-authentication",
    ),
)
