"""Google-signed ID tokens: `Authorization: Bearer <JWT>` from an allowed service account.

Pub/Sub push subscriptions and Cloud Run services calling each other send one. The
token is verified with google-auth (RS256 signature against Google's certificates,
expiry, audience), then its issuer, caller email and `email_verified` are checked
(https://cloud.google.com/pubsub/docs/authenticate-push-subscriptions).
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from shared.crypto import equal
from shared.delivery import Delivery
from shared.errors import Unauthorized, Unavailable
from shared.secrets import Secrets, setting

GOOGLE_CERTS_URL = "https://www.googleapis.com/oauth2/v1/certs"
ISSUERS = ("accounts.google.com", "https://accounts.google.com")
CERTS_TIMEOUT = 3.0
# Google serves its certificates with a max-age of several hours; without one, keep a
# response this long. Never longer than a day, so a rotation is always picked up.
DEFAULT_MAX_AGE = 300.0
LONGEST_MAX_AGE = 86_400.0
_MAX_AGE = re.compile(r"max-age=(\d+)")


class CachedCerts:
    """A google-auth transport that keeps each certificate response for its max-age.

    `id_token.verify_token` fetches the certificates on every call; through this
    transport a warm instance fetches them once per max-age, not once per delivery.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._responses: dict[str, tuple[float, Any]] = {}
        self._inner: Any = None

    def __call__(
        self,
        url: str,
        method: str = "GET",
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: float | None = None,
        **kwargs: Any,
    ) -> Any:
        """Answer a GET from the cache while it is fresh, else fetch and keep it."""
        now = time.monotonic()
        with self._lock:
            cached = self._responses.get(url) if method == "GET" else None
        if cached is not None and cached[0] > now:
            return cached[1]
        if self._inner is None:
            import google.auth.transport.requests

            self._inner = google.auth.transport.requests.Request()
        response = self._inner(url, method=method, body=body, headers=headers, timeout=timeout or CERTS_TIMEOUT)
        if method == "GET" and response.status == 200:
            with self._lock:
                self._responses[url] = (now + max_age(response.headers), response)
        return response

    def clear(self) -> None:
        """Forget every kept response."""
        with self._lock:
            self._responses.clear()


def max_age(headers: Mapping[str, str]) -> float:
    """Seconds a response may be kept, from its Cache-Control header."""
    match = _MAX_AGE.search(headers.get("Cache-Control", "") or "")
    if not match:
        return DEFAULT_MAX_AGE
    return min(float(match.group(1)), LONGEST_MAX_AGE)


TRANSPORT = CachedCerts()


def bearer(delivery: Delivery) -> str:
    """The token of `Authorization: Bearer <token>`; anything else is a 401."""
    kind, _, value = (delivery.header("Authorization") or "").strip().partition(" ")
    if kind.lower() != "bearer" or not value.strip():
        raise Unauthorized("missing_token")
    return value.strip()


def audiences(delivery: Delivery) -> list[str]:
    """`<ID>_AUDIENCE` (comma-separated), else the URL called: as is, without query, and its origin."""
    configured = setting(delivery.provider, "AUDIENCE", "")
    if configured:
        return [item.strip() for item in configured.split(",") if item.strip()]
    url = delivery.url
    parts = urlsplit(url)
    found = [url, f"{parts.scheme}://{parts.netloc}{parts.path}", f"{parts.scheme}://{parts.netloc}"]
    return list(dict.fromkeys(found))


def claims(token: str, audience: list[str], certs_url: str) -> Mapping[str, Any]:
    """The verified claims: signature, expiry and audience; an unreachable cert URL is a 503."""
    from google.auth import exceptions
    from google.oauth2 import id_token

    try:
        return id_token.verify_token(token, TRANSPORT, audience=audience, certs_url=certs_url)
    except exceptions.TransportError:
        raise Unavailable("certs_unavailable") from None
    # RecursionError: google.auth parses the token's JSON before checking its signature, so
    # anyone can send a header or payload nested deeper than the interpreter's limit.
    except (ValueError, TypeError, KeyError, RecursionError, exceptions.GoogleAuthError):
        raise Unauthorized("bad_token") from None


REMOVED = ".SIGNATURE_REMOVED_BY_GOOGLE"
CLOCK_SKEW = 10


def iam_checked(delivery: Delivery, token: str, audience: list[str]) -> Mapping[str, Any]:
    """Claims of a token whose signature Cloud Run's IAM check verified, then removed.

    A function deployed with --no-allow-unauthenticated receives its caller's token with
    the signature replaced (https://cloud.google.com/run/docs/troubleshooting#signature-removed):
    Cloud Run has checked it and the caller's invoker role. Only where deploy.sh says so
    (`<ID>_INVOKER_IAM=true`, set with --no-allow-unauthenticated) is such a token taken,
    and its expiry, audience, issuer and caller are still checked; anywhere else it is a 401.
    """
    from google.auth import jwt

    if setting(delivery.provider, "INVOKER_IAM", "").lower() != "true":
        raise Unauthorized("signature_removed")
    try:
        verified = jwt.decode(token, verify=False)
    except (ValueError, TypeError, KeyError, RecursionError):
        raise Unauthorized("bad_token") from None
    expiry = verified.get("exp")
    if not isinstance(expiry, int | float) or expiry + CLOCK_SKEW < time.time():
        raise Unauthorized("bad_token")
    if verified.get("aud") not in audience:
        raise Unauthorized("bad_token")
    return verified


@dataclass(frozen=True, slots=True, kw_only=True)
class GoogleToken:
    """A Google-signed ID token whose `email` is one of the provider's secrets (allowed callers)."""

    def __call__(self, delivery: Delivery, secrets: Secrets) -> None:
        token = bearer(delivery)
        if token.endswith(REMOVED):
            verified = iam_checked(delivery, token, audiences(delivery))
        else:
            certs_url = setting(delivery.provider, "CERTS_URL", GOOGLE_CERTS_URL)
            verified = claims(token, audiences(delivery), certs_url)
        if verified.get("iss") not in ISSUERS:
            raise Unauthorized("wrong_issuer")
        email = verified.get("email")
        if not isinstance(email, str) or verified.get("email_verified") is not True:
            raise Unauthorized("unverified_email")
        if not any(equal(secret.value, email.encode("utf-8")) for secret in secrets):
            raise Unauthorized("wrong_caller")
