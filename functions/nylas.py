"""Nylas (API v3): HMAC-SHA256 of the body with the webhook secret, hex, in x-nylas-signature;
the GET `challenge` echoed when a webhook is created or reactivated."""

from __future__ import annotations

from shared.delivery import Delivery
from shared.provider import Answer, Provider, Retries, header, json_field
from shared.schemes import Hmac


def challenge(delivery: Delivery) -> Answer | None:
    """GET `?challenge=<value>`: the exact value as the body, 200, nothing else (it is unsigned)."""
    value = delivery.query.get("challenge")
    if delivery.method != "GET" or not value:
        return None
    return Answer(body=value.encode("utf-8"))


PROVIDER = Provider(
    id="nylas",
    docs="https://developer.nylas.com/docs/v3/webhooks/",
    summary="HMAC-SHA256 of the body with the webhook secret, `x-nylas-signature: <hex>`; GET `challenge` echo",
    verify=Hmac(header="x-nylas-signature"),
    event_type=json_field("type"),
    # Kept when Nylas retries; `webhook_delivery_attempt` counts the tries.
    delivery_id=json_field("id"),
    source=json_field("data.application_id"),
    retry=json_field("webhook_delivery_attempt"),
    challenge=challenge,
    # `compressed_delivery: true` gzips the JSON and signs the compressed bytes: "verify
    # x-nylas-signature against the raw compressed body before decompressing" (nylas/skills,
    # webhooks-notifications). Readers read it inflated; it is published as received.
    encodings=("gzip",),
    attributes={"content-encoding": header("Content-Encoding")},
    # The challenge must be answered within 10 s; notifications likewise.
    timeout=10,
    retries=Retries(
        retries=True,
        on="non-200 or no answer within 10 s",
        schedule="exponential, up to 2 retries (3 attempts), last 10-20 min after first",
        disables="marked failing, then failed after 72 h of failures (emails notification_email_addresses)",
        source="https://developer.nylas.com/docs/cookbook/use-cases/build/retry-failed-webhooks/",
    ),
)
