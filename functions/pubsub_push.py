"""Pub/Sub push subscriptions: a Google-signed OIDC token; publishes the pushed message's data."""

from __future__ import annotations

from shared.envelope import unwrap
from shared.google_token import GoogleToken
from shared.provider import Provider, Retries, first, json_field

PROVIDER = Provider(
    id="pubsub_push",
    docs="https://cloud.google.com/pubsub/docs/authenticate-push-subscriptions",
    summary="Google-signed OIDC token, `Authorization: Bearer`; aud, iss, email; publishes the inner data",
    secret="SERVICE_ACCOUNTS",
    verify=GoogleToken(),
    delivery_id=first(json_field("message.messageId"), json_field("message.message_id")),
    source=json_field("subscription"),
    time=json_field("message.publishTime"),
    # Present when the subscription has a dead-letter policy.
    retry=json_field("deliveryAttempt"),
    payload=unwrap,
    # The push ack deadline defaults to 10 s.
    timeout=10,
    variables=("PUBSUB_PUSH_AUDIENCE", "PUBSUB_PUSH_CERTS_URL"),
    retries=Retries(
        retries=True,
        on="any answer but 102/200/201/202/204, or deadline exceeded",
        schedule="retried later with push backoff until acked, retention ends or dead-letter limit",
        source="https://cloud.google.com/pubsub/docs/push-troubleshooting",
    ),
)
