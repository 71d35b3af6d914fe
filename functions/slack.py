"""Slack: HMAC-SHA256 of `v0:timestamp:body`, hex, `v0=`; the `url_verification` challenge."""

from __future__ import annotations

import json

from shared.delivery import Delivery
from shared.errors import BadRequest
from shared.provider import Answer, Provider, Retries, header
from shared.schemes import Hmac, text_bytes


def _document(delivery: Delivery) -> dict:
    """The JSON of an Events API call, of an interactivity `payload=`, or the slash-command form."""
    if not delivery.is_form():
        document = delivery.json()
    else:
        form = delivery.form()
        if "payload" not in form:
            return {"type": "slash_command", **form} if "command" in form else form
        try:
            document = json.loads(form["payload"])
        except (ValueError, RecursionError):  # RecursionError: nesting deeper than the interpreter's limit
            raise BadRequest("bad_json") from None
    if not isinstance(document, dict):
        raise BadRequest("bad_json")
    return document


def event_type(delivery: Delivery) -> str | None:
    """`event.type` for Events API callbacks, else the top-level `type`."""
    document = _document(delivery)
    inner = document.get("event")
    if isinstance(inner, dict) and isinstance(inner.get("type"), str):
        return inner["type"]
    kind = document.get("type")
    return kind if isinstance(kind, str) else None


def delivery_id(delivery: Delivery) -> str | None:
    """`event_id` for Events API callbacks, `trigger_id` for commands and interactions."""
    document = _document(delivery)
    for key in ("event_id", "trigger_id"):
        if isinstance(document.get(key), str):
            return document[key]
    return None


def team(delivery: Delivery) -> str | None:
    """The app and workspace, so ids from different installs never collide."""
    document = _document(delivery)
    team_value = document.get("team_id") or (document.get("team") or {}).get("id")
    app = document.get("api_app_id")
    return "/".join(str(part) for part in (app, team_value) if isinstance(part, str)) or None


def url_verification(delivery: Delivery) -> Answer | None:
    """Answer the Events API handshake with the challenge, as text/plain."""
    if delivery.is_form():
        return None
    document = delivery.json()
    if not isinstance(document, dict) or document.get("type") != "url_verification":
        return None
    challenge = document.get("challenge")
    if not isinstance(challenge, str):
        raise BadRequest("bad_challenge")
    return Answer(body=text_bytes(challenge))


PROVIDER = Provider(
    id="slack",
    docs="https://api.slack.com/authentication/verifying-requests-from-slack",
    summary="HMAC-SHA256 of `v0:ts:body`, `X-Slack-Signature: v0=<hex>`; 300 s",
    verify=Hmac(
        header="X-Slack-Signature",
        prefix="v0=",
        signed="v0:{timestamp}:{body}",
        timestamp="X-Slack-Request-Timestamp",
    ),
    event_type=event_type,
    delivery_id=delivery_id,
    source=team,
    retry=header("X-Slack-Retry-Num"),
    handshake=url_verification,
    timeout=3,
    retries=Retries(
        retries=True,
        on="non-2xx, timeout (3 s), connection/TLS error, >2 redirects",
        schedule="3 retries: ~immediately, +1 min, +5 min; X-Slack-No-Retry: 1 stops them",
        disables="event subscriptions disabled if >95% of deliveries fail over 60 min",
        source="https://api.slack.com/apis/events-api",
    ),
)
