"""CircleCI: hex HMAC-SHA256 of the body, every `v1=` of circleci-signature."""

from __future__ import annotations

from shared.provider import Provider, Retries, header, json_field
from shared.schemes import Hmac, pairs

PROVIDER = Provider(
    id="circleci",
    docs="https://circleci.com/docs/webhooks/",
    summary="HMAC-SHA256 of the body, `circleci-signature: v1=<hex>[,...]`",
    # Only `v1` exists today; other versions may appear beside it and are ignored.
    verify=Hmac(header="circleci-signature", claims=pairs(",", "v1"), layout="v1={signature}"),
    event_type=header("circleci-event-type"),
    delivery_id=json_field("id"),
    source=json_field("webhook.id"),
    time=json_field("happened_at"),
    # CircleCI gives a delivery 5 s, then retries it.
    timeout=5,
    retries=Retries(
        retries=None,
        schedule="unknown (no retry policy found)",
        source="https://circleci.com/docs/webhooks/",
    ),
)
