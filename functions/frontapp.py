"""Front application webhooks: base64 HMAC-SHA256 of `timestamp:body` with the app's secret, in
X-Front-Signature; the signed `sync` request's X-Front-Challenge echoed."""

from __future__ import annotations

import json

from shared.delivery import Delivery
from shared.provider import Answer, Provider, Retries, json_field
from shared.schemes import Hmac


def challenge(delivery: Delivery) -> Answer | None:
    """The validation request sent when the webhook is saved: `{"challenge": <X-Front-Challenge>}`.

    Front signs it like any event, so it is answered only once the signature verifies.
    """
    # The JSON answer is the one in Front's companion sample to its application-webhooks
    # tutorial (dugjason/front-webhook-application, handle_validation_request.ts).
    value = delivery.header("X-Front-Challenge")
    if not value:
        return None
    return Answer(body=json.dumps({"challenge": value}).encode(), content_type="application/json")


PROVIDER = Provider(
    id="frontapp",
    docs="https://dev.frontapp.com/docs/application-webhooks",
    summary=(
        "HMAC-SHA256 of `X-Front-Request-Timestamp:body` with the app secret, `X-Front-Signature: <b64>`; "
        '300 s on the ms timestamp; X-Front-Challenge answered `{"challenge": ..}`'
    ),
    # Rule webhooks (HMAC-SHA1 of the body with the company API secret, no timestamp) are a
    # different scheme with a different secret; this receiver is for application webhooks.
    verify=Hmac(
        header="X-Front-Signature",
        encoding="base64",
        timestamp="X-Front-Request-Timestamp",
        timestamp_unit="ms",
        signed="{timestamp}:{body}",
        # Front's connector security page recommends 5 minutes as the maximum age.
        tolerance=300,
    ),
    handshake=challenge,
    event_type=json_field("type"),
    # The company the event comes from, as the `sync` request shows it: `authorization.id`.
    source=json_field("authorization.id"),
    # "Webhook requests issued by Front will time out after 5 seconds."
    timeout=5,
    retries=Retries(
        retries=None,
        schedule="unknown (no retry policy found)",
        source="https://dev.frontapp.com/docs/application-webhooks",
    ),
)
