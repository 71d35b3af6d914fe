"""Modern Treasury: hex HMAC-SHA256 of the raw body with the webhook key, in X-Signature."""

from __future__ import annotations

from shared.provider import Provider, Retries
from shared.schemes import Hmac

PROVIDER = Provider(
    id="modern_treasury",
    # modern-treasury's own Webhooks.get_signature/validate_signature: no docs page could be read from here.
    docs="https://github.com/Modern-Treasury/modern-treasury-python/blob/main/src/modern_treasury/resources/webhooks.py",
    summary="HMAC-SHA256 of the body with the webhook key, `X-Signature: <hex>`",
    verify=Hmac(header="X-Signature"),
    retries=Retries(
        retries=True,
        on="no 2xx within 5 s, or an error",
        schedule="re-enqueued with exponential backoff (count/duration not stated)",
        disables="not stated (optional email when >30% of a day's deliveries fail)",
        source="https://docs.moderntreasury.com/platform/reference/webhooks",
    ),
)
