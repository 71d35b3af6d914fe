"""monday.com board webhooks: a JWT signed with the app's Signing Secret in Authorization; the challenge echo."""

from __future__ import annotations

import json

from shared.delivery import Delivery
from shared.errors import BadRequest
from shared.provider import Answer, Provider, Retries, json_field
from shared.schemes import Jwt


def url_verification(delivery: Delivery) -> Answer | None:
    """POST `{"challenge": "..."}` answered with the same JSON (before the JWT check: it only echoes)."""
    if delivery.method != "POST":
        return None
    document = delivery.json()
    if not isinstance(document, dict) or "challenge" not in document:
        return None
    challenge = document["challenge"]
    if not isinstance(challenge, str):
        raise BadRequest("bad_challenge")
    return Answer(body=json.dumps({"challenge": challenge}).encode(), content_type="application/json")


PROVIDER = Provider(
    id="monday",
    docs="https://developer.monday.com/apps/docs/advanced-concepts",
    summary="JWT (HS256) in `Authorization`, signed with the app's Signing Secret; `aud` = the URL, `exp`",
    # Only webhooks created with an app's OAuth token carry the JWT: create them that way.
    verify=Jwt(header="Authorization"),
    challenge=url_verification,
    event_type=json_field("event.type"),
    delivery_id=json_field("event.triggerUuid"),
    source=json_field("event.boardId"),
    # monday.com documents retries (once a minute for 30 minutes) but no deadline: 10 s is a guess.
    timeout=10,
    variables=("MONDAY_AUDIENCE", "MONDAY_PUBLIC_URL"),
    retries=Retries(
        retries=True,
        on="anything other than 200",
        schedule="every minute for 30 minutes (app run URLs; stated for webhooks and custom actions)",
        source="https://developer.monday.com/apps/changelog/clarification-on-retry-policies-for-webhooks-and-custom-actions",
    ),
)
