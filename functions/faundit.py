"""Faundit: hex HMAC-SHA256 of `v1:<timestamp>:<body>` in X-Faundit-Signature-Next, the timestamp
in X-Faundit-Timestamp."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="faundit",
    docs="https://faundit.gitbook.io/faundit-api-v2/webhooks",
    summary="HMAC-SHA256 of `v1:<X-Faundit-Timestamp>:<body>`, `X-Faundit-Signature-Next: <hex>`",
    verify=Hmac(
        # The legacy X-Faundit-Signature signs `v0:<timestamp>` only, not the body: never accepted.
        header="X-Faundit-Signature-Next",
        signed="v1:{timestamp}:{body}",
        timestamp="X-Faundit-Timestamp",
        # Faundit documents neither a window nor the timestamp's unit: signed, age not checked.
        tolerance=None,
    ),
    # item-status and request-status events carry the locationID of the property they concern;
    # Faundit documents no event-type field or delivery id (ce-type `faundit`, ce-id a UUID).
    source=json_field("locationID"),
    # Faundit publishes no delivery timeout: the contract default.
    retries=Retries(
        retries=None,
        schedule="unknown (no retry policy found)",
        source="https://faundit.gitbook.io/faundit-api-v2/webhooks",
    ),
)
