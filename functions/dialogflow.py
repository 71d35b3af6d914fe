"""Dialogflow CX fulfillment: Basic auth, or a secret header (`DIALOGFLOW_HEADER`); answers `{}`."""

from __future__ import annotations

from shared.provider import Answer, Provider, Retries, json_field
from shared.schemes import BasicAuth, NamedToken, either

PROVIDER = Provider(
    id="dialogflow",
    docs="https://cloud.google.com/dialogflow/cx/docs/concept/webhook",
    summary="Basic `user:password`, or the secret in the header `DIALOGFLOW_HEADER`",
    verify=either(BasicAuth(), NamedToken(default="X-Webhook-Secret")),
    event_type=json_field("fulfillmentInfo.tag"),
    delivery_id=json_field("detectIntentResponseId"),
    # Dialogflow waits for the answer and uses it in the conversation; every field of a
    # WebhookResponse is optional, so `{}` lets the agent carry on as configured.
    ack=Answer(body=b"{}", content_type="application/json"),
    # Webhook.timeout defaults to 5 s.
    timeout=5,
    variables=("DIALOGFLOW_HEADER",),
    retries=Retries(
        retries=None,
        on="synchronous fulfillment call; a timeout counts as failed execution; no retry documented",
        source="https://cloud.google.com/dialogflow/cx/docs/concept/webhook",
    ),
)
