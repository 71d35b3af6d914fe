"""Fireblocks (Webhooks v2): a detached JWS (RS512) in Fireblocks-Webhook-Signature,
`<header>..<signature>`, over the body; the key is the JWKS key its `kid` names. The configured
secrets are the workspace ids a delivery may come from (Fireblocks signs every workspace's
deliveries with the same keys)."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

from shared import certificates
from shared.crypto import equal
from shared.delivery import Delivery
from shared.errors import Unauthorized
from shared.provider import Provider, Retries, json_field
from shared.schemes import text_bytes
from shared.secrets import Secrets, setting

JWKS_URL = "https://keys.fireblocks.io/.well-known/jwks.json"  # US production; others by FIREBLOCKS_JWKS_URL
ALGORITHM = "RS512"


def keys(document: bytes) -> dict[str, Any]:
    """The RSA signing keys of a JWKS document by kid."""
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey

    return certificates.key_set(document, RSAPublicKey)


@dataclass(frozen=True, slots=True, kw_only=True)
class DetachedJws:
    """The JWS with the body put back as its (base64url) payload, RFC 7515 appendix F."""

    header: str = "Fireblocks-Webhook-Signature"

    def __call__(self, delivery: Delivery, secrets: Secrets) -> None:
        import jwt

        value = (delivery.header(self.header) or "").strip().strip('"')
        parts = value.split(".")
        if len(parts) != 3 or parts[1] or not parts[0] or not parts[2]:
            raise Unauthorized("missing_signature")
        try:
            kid = jwt.get_unverified_header(value).get("kid")
        except jwt.PyJWTError:
            raise Unauthorized("bad_signature") from None
        url = setting(delivery.provider, "JWKS_URL", JWKS_URL)
        key = keys(certificates.document(delivery, url)).get(kid) if isinstance(kid, str) else None
        if key is None:
            raise Unauthorized("unknown_key")
        payload = base64.urlsafe_b64encode(delivery.body).rstrip(b"=").decode("ascii")
        try:
            # The algorithm is pinned: a header naming `none`, HS512 or another algorithm never verifies.
            jwt.api_jws.decode_complete(f"{parts[0]}.{payload}.{parts[2]}", key, algorithms=[ALGORITHM])
        except (jwt.PyJWTError, ValueError, TypeError, json.JSONDecodeError):
            raise Unauthorized("bad_signature") from None
        # Signed, so parsed: then it must be for one of our workspaces (not another's, replayed).
        document = delivery.json()
        workspace = document.get("workspaceId") if isinstance(document, dict) else None
        if not isinstance(workspace, str) or not any(equal(s.value, text_bytes(workspace)) for s in secrets):
            raise Unauthorized("wrong_workspace")


PROVIDER = Provider(
    id="fireblocks",
    docs="https://developers.fireblocks.com/reference/validating-webhooks",
    summary="Detached JWS (RS512) of the body, `Fireblocks-Webhook-Signature: <header>..<sig>`, JWKS key",
    verify=DetachedJws(),
    secret="WORKSPACE_IDS",
    event_type=json_field("eventType"),
    delivery_id=json_field("id"),
    source=json_field("workspaceId"),
    # Fireblocks documents no response deadline here: 10 s assumed.
    timeout=10,
    variables=("FIREBLOCKS_JWKS_URL", "FIREBLOCKS_CERTS_URL"),
    retries=Retries(
        retries=True,
        on="5xx, no response, 408, 429 (other 4xx: no retry)",
        schedule="10 attempts: +10 s,30 s,2 m,5 m,15 m,30 m,1 h,2 h,4 h; then failed (manual resend API)",
        source="https://developers.fireblocks.com/reference/webhooks-gettingstarted-responsesretries",
    ),
)
