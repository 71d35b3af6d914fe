"""Dropbox: HMAC-SHA256 of the raw body with the app secret, hex, in X-Dropbox-Signature."""

from __future__ import annotations

from shared.delivery import Delivery
from shared.provider import Answer, Provider, Retries
from shared.schemes import Hmac


def challenge(delivery: Delivery) -> Answer | None:
    """GET `?challenge=` echoed as text/plain with `X-Content-Type-Options: nosniff`."""
    value = delivery.query.get("challenge")
    if delivery.method != "GET" or not value:
        return None
    # Dropbox asks for both headers so the echo cannot become reflected XSS.
    return Answer(
        body=value.encode("utf-8"),
        content_type="text/plain",
        headers={"X-Content-Type-Options": "nosniff"},
    )


PROVIDER = Provider(
    id="dropbox",
    docs="https://www.dropbox.com/developers/reference/webhooks",
    summary="HMAC-SHA256 of the body with the app secret, `X-Dropbox-Signature: <hex>`",
    verify=Hmac(header="X-Dropbox-Signature"),
    # The verification GET is not signed; it only echoes what it was given.
    challenge=challenge,
    timeout=10,
    retries=Retries(
        retries=True,
        on="non-200 or timeout (verification GET: no retry)",
        schedule="exponential backoff over about 10 minutes, then failure shown in App Console",
        source="https://www.dropbox.com/developers/webhooks/docs",  # old docs page, via mirror
    ),
)
