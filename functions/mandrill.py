"""Mailchimp Transactional (Mandrill): X-Mandrill-Signature, base64 HMAC-SHA1 with the webhook key
over the webhook URL followed by each POST parameter, sorted by name, as name + value."""

from __future__ import annotations

from shared.delivery import Delivery
from shared.provider import Answer, Provider, Retries
from shared.schemes import Hmac


def validation(delivery: Delivery) -> Answer | None:
    """The HEAD request Mandrill sends when a webhook is added: 200, nothing published."""
    return Answer() if delivery.method == "HEAD" else None


def events(delivery: Delivery) -> list:
    """The `mandrill_events` form field, a JSON array of events."""
    import json

    try:
        document = json.loads(delivery.form().get("mandrill_events", ""))
    except ValueError:
        document = None
    return document if isinstance(document, list) else []


def event_type(delivery: Delivery) -> str | None:
    """`event` of the first of form `mandrill_events` (`send`, `open`, `click`, `inbound`, ...)."""
    batch = events(delivery)
    kind = batch[0].get("event") if batch and isinstance(batch[0], dict) else None
    return kind if isinstance(kind, str) else None


PROVIDER = Provider(
    id="mandrill",
    docs="https://mailchimp.com/developer/transactional/guides/track-respond-activity-webhooks/#authenticating-webhook-requests",
    summary="HMAC-SHA1 of URL + sorted form params, `X-Mandrill-Signature: <b64>`; key: the webhook's key",
    verify=Hmac(header="X-Mandrill-Signature", algorithm="sha1", encoding="base64", signed="{url}{form}"),
    event_type=event_type,
    # A batch of events in one form field: ce-id is a generated UUID; deduplicate on each `_id`.
    challenge=validation,
    # No number is documented: 10 s assumed.
    timeout=10,
    variables=("MANDRILL_PUBLIC_URL",),
    retries=Retries(
        retries=True,
        on="failed batch (codes not stated)",
        schedule='unknown (batches retried automatically; can be stopped with "give up")',
        source="https://mandrill.zendesk.com/hc/en-us/articles/205583277",
    ),
)
