"""RingCentral webhooks: the subscription's verification token as is in Verification-Token; the
Validation-Token handshake echoed in the same header."""

from __future__ import annotations

from shared.delivery import Delivery
from shared.provider import Answer, Provider, Retries, json_field
from shared.schemes import Token


def validation(delivery: Delivery) -> Answer | None:
    """The subscription's creation request: `Validation-Token` echoed in a response header, 200."""
    # Sent once, with an empty body, when the subscription is created or renewed; RingCentral
    # expects `Content-Type: application/json` even on the empty answer (SUB-525 note in
    # ringcentral-api-docs docs/notifications/webhooks/creating-webhooks.md).
    value = delivery.header("Validation-Token")
    if not value:
        return None
    return Answer(headers={"Validation-Token": value}, content_type="application/json")


PROVIDER = Provider(
    id="ring_central",
    docs="https://developers.ringcentral.com/guide/notifications/webhooks/receiving",
    summary=(
        "the subscription's `deliveryMode.verificationToken` as is, `Verification-Token: <token>`; "
        "`Validation-Token` echoed on creation"
    ),
    # RingCentral signs nothing: the token set at subscription time comes back in every
    # notification (ringcentral-api-docs receiving.md; deliveryMode.verificationToken in the
    # official SDKs' definitions). One revision of the live page calls both headers
    # Validation-Token; the docs repository, the SDKs and RingCentral's own webhooks FAQ
    # (ringcentral-integration-for-hubspot docs/webhooks.md) say Verification-Token.
    verify=Token(header="Verification-Token"),
    challenge=validation,
    event_type=json_field("event"),
    delivery_id=json_field("uuid"),
    source=json_field("subscriptionId"),
    # "The web server must respond within 3000 milliseconds."
    timeout=3,
    retries=Retries(
        retries=None,
        schedule="unknown (docs only describe suspension)",
        disables="subscription blacklisted (suspended) after repeated non-200 or timeouts; recreate it",
        source="https://developers.ringcentral.com/guide/notifications/webhooks/troubleshooting",
    ),
)
