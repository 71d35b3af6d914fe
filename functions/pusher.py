"""Pusher Channels: hex HMAC-SHA256 of the body with the app secret, X-Pusher-Signature; `time_ms` 300 s."""

from __future__ import annotations

from shared.provider import Provider, Retries, first_item, header
from shared.schemes import BodyTimestamp, Hmac

PROVIDER = Provider(
    id="pusher",
    docs="https://pusher.com/docs/channels/server_api/webhooks/",
    summary="HMAC-SHA256 of the body with the app secret, `X-Pusher-Signature: <hex>`; body `time_ms`, 300 s",
    # The window is the official pusher library's (AuthenticationClient.validate_webhook).
    verify=BodyTimestamp(verify=Hmac(header="X-Pusher-Signature"), field="time_ms", unit="ms", tolerance=300),
    event_type=first_item("name", within="events"),
    source=header("X-Pusher-Key"),
    attributes={"channel": first_item("channel", within="events")},
    retries=Retries(
        retries=True,
        on="non-2xx or no answer within 4 s",
        schedule="exponential backoff for 5 minutes",
        source="https://docs.bird.com/pusher/channels/channels/webhooks/channels-webhook-timeouts-and-retries",
    ),
)
