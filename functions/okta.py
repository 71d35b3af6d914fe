"""Okta event hooks: the static Authorization header configured on the hook, compared in constant time."""

from __future__ import annotations

import json

from shared.delivery import Delivery
from shared.errors import MethodNotAllowed
from shared.provider import Answer, Provider, Retries, json_field
from shared.schemes import NamedToken


def verification(delivery: Delivery) -> Answer | None:
    """The one-time verification GET: `{"verification": <X-Okta-Verification-Challenge>}`."""
    if delivery.method != "GET":
        return None
    value = delivery.header("X-Okta-Verification-Challenge")
    if value is None:
        raise MethodNotAllowed("wrong_method")
    return Answer(body=json.dumps({"verification": value}).encode("utf-8"), content_type="application/json")


PROVIDER = Provider(
    id="okta",
    docs="https://developer.okta.com/docs/concepts/event-hooks/",
    summary="the hook's secret as is, `Authorization: <secret>` (or the header `OKTA_HEADER`)",
    # Okta sends its authentication header on the verification GET too, so it is checked first.
    verify=NamedToken(default="Authorization"),
    event_type=json_field("eventType"),
    delivery_id=json_field("eventId"),
    handshake=verification,
    methods=("POST", "GET"),
    # Okta waits 3 s and retries once.
    timeout=3,
    variables=("OKTA_HEADER",),
    retries=Retries(
        retries=True,
        on="5xx or no answer within 3 s; 4xx not retried",
        schedule="at most one retry",
        source="https://developer.okta.com/docs/concepts/event-hooks/",
    ),
)
