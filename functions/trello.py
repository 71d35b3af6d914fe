"""Trello: base64 HMAC-SHA1 of body + callback URL in X-Trello-Webhook, the text signed as a Node
`binary` string (or as UTF-8); HEAD check answered 200."""

from __future__ import annotations

from shared.delivery import Delivery
from shared.errors import Unauthorized
from shared.provider import EMPTY_200, Answer, Provider, Retries, json_field
from shared.schemes import Hmac, either


def url_check(delivery: Delivery) -> Answer | None:
    """The HEAD (or GET) Trello sends to the callback URL before creating a webhook: 200."""
    return EMPTY_200 if delivery.method in ("HEAD", "GET") else None


def node_binary(signed: bytes) -> bytes:
    """The UTF-8 text as Node's `binary` (latin1) encoding writes it: the low 8 bits of each
    UTF-16 code unit, so `–` (U+2013) is 0x13 and an emoji's two surrogates are two bytes."""
    try:
        return signed.decode("utf-8").encode("utf-16-le")[::2]
    except UnicodeDecodeError:
        raise Unauthorized("bad_encoding") from None


# "the payloads that we sign are treated as binary strings, not utf-8" (Trello's webhooks guide,
# with the en-dash example); the guide's own sample, `update(content)` on a current Node, signs
# UTF-8. The two agree on ASCII and both need the app secret: either verifies.
_SIGNED = {"header": "X-Trello-Webhook", "algorithm": "sha1", "encoding": "base64", "signed": "{body}{url}"}

PROVIDER = Provider(
    id="trello",
    docs="https://developer.atlassian.com/cloud/trello/guides/rest-api/webhooks/",
    summary="HMAC-SHA1 of body + callback URL as a Node `binary` string (or UTF-8), `X-Trello-Webhook: <b64>`",
    # The URL is the callbackURL exactly as given when the webhook was created:
    # set TRELLO_PUBLIC_URL to it, since Cloud Run's own view of the URL differs.
    verify=either(Hmac(**_SIGNED, message=node_binary), Hmac(**_SIGNED)),
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
