"""Asana: hex HMAC-SHA256 of the body in X-Hook-Signature; the X-Hook-Secret handshake echoed."""

from __future__ import annotations

from shared.delivery import Delivery
from shared.provider import Answer, Provider, Retries
from shared.schemes import Hmac


def hook_secret(delivery: Delivery) -> Answer | None:
    """The `X-Hook-Secret` handshake: echoed in the same header, 200, never published or logged."""
    # Asana sends it unsigned while the webhook is being created; the secret it carries
    # signs every later delivery (developers.asana.com/reference/createwebhook).
    secret = delivery.header("X-Hook-Secret")
    return Answer(headers={"X-Hook-Secret": secret}) if secret else None


PROVIDER = Provider(
    id="asana",
    docs="https://developers.asana.com/docs/webhooks-guide",
    summary="HMAC-SHA256 of the body, `X-Hook-Signature: <hex>`; key: the handshake's `X-Hook-Secret`",
    verify=Hmac(header="X-Hook-Signature"),
    challenge=hook_secret,
    # Asana retries for 24 hours a delivery not answered within 10 s.
    timeout=10,
    retries=Retries(
        retries=True,
        on="no 2xx within 10 s",
        schedule="resent for up to 24 h (schedule not stated)",
        source="https://developers.asana.com/docs/webhooks-guide",
    ),
)
