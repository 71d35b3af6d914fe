"""Solidgate: base64 of the hex HMAC-SHA512 of `merchant + body + merchant` with the webhook secret key.

`merchant` (header) is the webhook public key (`wh_pk_...`), `signature` (header) the signature;
SOLIDGATE_WEBHOOK_SECRET holds the paired secret key (`wh_sk_...`).
"""

from __future__ import annotations

import hashlib
import hmac

from shared.crypto import equal
from shared.delivery import Delivery
from shared.errors import Unauthorized
from shared.provider import Provider, Retries, header
from shared.schemes import decode
from shared.secrets import Secrets


def verify(delivery: Delivery, secrets: Secrets) -> None:
    """The SDK's `generateSignature` over the raw body: base64(hex(HMAC-SHA512(sk, pk + body + pk)))."""
    merchant, signature = delivery.header("merchant"), delivery.header("signature")
    if not merchant or not signature:
        raise Unauthorized("missing_signature")
    claimed = decode(signature.strip(), "base64")
    if not claimed:
        raise Unauthorized("bad_signature")
    message = merchant.encode("utf-8") + delivery.body + merchant.encode("utf-8")
    if not any(equal(hmac.new(s.value, message, hashlib.sha512).hexdigest().encode("ascii"), claimed) for s in secrets):
        raise Unauthorized("bad_signature")


PROVIDER = Provider(
    id="solidgate",
    docs="https://api-docs.solidgate.com/api/openapi/main/md/webhook-signatures",
    summary="base64(hex HMAC-SHA512 of `merchant + body + merchant`) with the webhook secret key, "
    "`signature` header; `merchant`: the webhook public key",
    # The public key signed into the message comes from the `merchant` header: only the holder of
    # the paired secret key can produce a signature for it.
    verify=verify,
    source=header("merchant"),
    # Solidgate documents no response deadline: 10 s is a guess.
    timeout=10,
    retries=Retries(
        retries=True,
        on="no 2xx within 30 s",
        schedule="resending attempts follow; schedule not in the part read",
        source="https://docs.solidgate.com/payments/integrate/webhooks/",
    ),
)
