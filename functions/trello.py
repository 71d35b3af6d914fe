"""Trello: base64 HMAC-SHA1 of body + callback URL in X-Trello-Webhook; HEAD check answered 200."""

from __future__ import annotations

from shared.delivery import Delivery
from shared.provider import EMPTY_200, Answer, Provider, Retries, json_field
from shared.schemes import Hmac


def url_check(delivery: Delivery) -> Answer | None:
    """The HEAD (or GET) Trello sends to the callback URL before creating a webhook: 200."""
    return EMPTY_200 if delivery.method in ("HEAD", "GET") else None


PROVIDER = Provider(
    id="trello",
    docs="https://developer.atlassian.com/cloud/trello/guides/rest-api/webhooks/",
    summary="HMAC-SHA1 of body + callback URL, `X-Trello-Webhook: <b64>`; key: the app secret",
    # The URL is the callbackURL exactly as given when the webhook was created:
    # set TRELLO_PUBLIC_URL to it, since Cloud Run's own view of the URL differs.
    verify=Hmac(header="X-Trello-Webhook", algorithm="sha1", encoding="base64", signed="{body}{url}"),
    event_type=json_field("action.type"),
    delivery_id=json_field("action.id"),
    source=json_field("model.id"),
    challenge=url_check,
    methods=("POST", "HEAD", "GET"),
    variables=("TRELLO_PUBLIC_URL",),
    retries=Retries(
        retries=None,
        schedule="unknown (docs read silent; webhook object tracks consecutiveFailures, firstConsecutiveFailDate)",
        source="https://developer.atlassian.com/cloud/trello/guides/rest-api/webhooks/",
    ),
)
