"""Worldline Connect: base64 HMAC-SHA256 of the body in X-GCS-Signature (key named by X-GCS-KeyId);
the GET endpoint verification echoes X-GCS-Webhooks-Endpoint-Verification."""

from __future__ import annotations

from shared.delivery import Delivery
from shared.provider import Answer, Provider, Retries, header, json_field
from shared.schemes import Hmac

VERIFICATION = "X-GCS-Webhooks-Endpoint-Verification"


def endpoint_verification(delivery: Delivery) -> Answer | None:
    """GET with `X-GCS-Webhooks-Endpoint-Verification`: its value echoed in the body (unsigned)."""
    value = delivery.header(VERIFICATION)
    if delivery.method != "GET" or value is None:
        return None
    # An echo of what the caller sent, so text/plain and nosniff (as for Dropbox's challenge).
    return Answer(body=value.encode("utf-8"), content_type="text/plain", headers={"X-Content-Type-Options": "nosniff"})


PROVIDER = Provider(
    id="worldline",
    docs="https://docs.connect.worldline-solutions.com/documentation/webhooks/",
    summary="HMAC-SHA256 of the body with the secret key, `X-GCS-Signature: <b64>` (key id in `X-GCS-KeyId`)",
    # As the official SDK's SignatureValidator (connect-sdk-python3). Every configured key is
    # tried; X-GCS-KeyId only says which one, so several keys may be configured during a rotation.
    verify=Hmac(header="X-GCS-Signature", encoding="base64"),
    challenge=endpoint_verification,
    event_type=json_field("type"),
    # "You should use this id to verify that you did not already receive this event."
    delivery_id=json_field("id"),
    source=json_field("merchantId"),
    attributes={"key_id": header("X-GCS-KeyId")},
    # Worldline documents no response deadline: 10 s is a guess.
    timeout=10,
    retries=Retries(
        retries=None,
        schedule="unknown (Connect webhooks page read is silent)",
        source="https://docs.connect.worldline-solutions.com/documentation/webhooks/",
    ),
)
