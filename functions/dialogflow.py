"""Dialogflow CX fulfillment: Basic auth, or a secret header (`DIALOGFLOW_HEADER`); answers `{}`."""

from __future__ import annotations

from shared.delivery import Delivery
from shared.provider import Answer, Provider, json_field
from shared.schemes import Basic, Token, either
from shared.secrets import Secrets, setting

DEFAULT_HEADER = "X-Webhook-Secret"


def secret_header(delivery: Delivery, secrets: Secrets) -> None:
    """The secret as the value of the header named by `DIALOGFLOW_HEADER`."""
    Token(header=setting("dialogflow", "HEADER", DEFAULT_HEADER))(delivery, secrets)


PROVIDER = Provider(
    id="dialogflow",
    docs="https://cloud.google.com/dialogflow/cx/docs/concept/webhook",
    summary="Basic `user:password`, or the secret in the header `DIALOGFLOW_HEADER`",
    verify=either(Basic(), secret_header),
    event_type=json_field("fulfillmentInfo.tag"),
    delivery_id=json_field("detectIntentResponseId"),
    # Dialogflow waits for the answer and uses it in the conversation; every field of a
    # WebhookResponse is optional, so `{}` lets the agent carry on as configured.
    ack=Answer(body=b"{}", content_type="application/json"),
    # Webhook.timeout defaults to 5 s.
    timeout=5,
    variables=("DIALOGFLOW_HEADER",),
)
