"""Contentful: hex HMAC-SHA256 of the canonical request (method, path, signed headers, body), 30 s.

The scheme of @contentful/node-apps-toolkit (signRequest/verifyRequest), which Contentful's
request-verification page names as the reference: the message is

    METHOD \\n path \\n key:value;key:value... \\n body

with the headers listed in `x-contentful-signed-headers`, lowercased, sorted, and
`x-contentful-timestamp` (ms) and `x-contentful-signed-headers` always among them.
"""

from __future__ import annotations

import hmac
import time
from dataclasses import dataclass
from urllib.parse import quote

from shared.crypto import equal
from shared.delivery import Delivery
from shared.errors import Unauthorized
from shared.provider import Provider, Retries, header
from shared.schemes import check_age, decode, parse_timestamp
from shared.secrets import Secrets

SIGNATURE = "x-contentful-signature"
SIGNED_HEADERS = "x-contentful-signed-headers"
TIMESTAMP = "x-contentful-timestamp"
# What encodeURIComponent (querystring.escape) and encodeURI leave as they are, beyond `quote`'s own.
COMPONENT_SAFE = "!*'()"
URI_SAFE = ";,/?:@&=+$!*'()#"


def canonical_path(path: str, query: bytes) -> str:
    """The toolkit's getNormalizedEncodedURI: encodeURI(path + "?" + querystring.escape(search))."""
    search = query.decode("latin-1")
    if search:
        path = f"{path}?{quote(search, safe=COMPONENT_SAFE)}"
    return quote(path, safe=URI_SAFE)


def message(delivery: Delivery, names: list[str], timestamp: int) -> bytes:
    """The signed bytes: method, path, the named headers (and the two it always adds), body."""
    values = {name: value.strip() for name in names if (value := delivery.header(name)) is not None}
    values[TIMESTAMP] = str(timestamp)
    values[SIGNED_HEADERS] = ",".join(sorted({*values, SIGNED_HEADERS}))
    headers = ";".join(f"{key}:{values[key]}" for key in sorted(values))
    head = "\n".join((delivery.method, canonical_path(delivery.path, delivery.query_string), headers))
    return head.encode("utf-8") + b"\n" + delivery.body


@dataclass(frozen=True, slots=True, kw_only=True)
class ContentfulSignature:
    """x-contentful-signature over the canonical request; the timestamp within `tolerance` seconds."""

    timestamp: str = TIMESTAMP
    # verifyRequest's default time to live.
    tolerance: float = 30.0

    def __call__(self, delivery: Delivery, secrets: Secrets) -> None:
        signature, signed = delivery.header(SIGNATURE), delivery.header(SIGNED_HEADERS)
        if signature is None or signed is None:
            raise Unauthorized("missing_signature")
        stamp = delivery.header(self.timestamp)
        if stamp is None:
            raise Unauthorized("missing_timestamp")
        claimed = decode(signature.strip(), "hex")
        millis = parse_timestamp(stamp, "s")  # the integer as sent: milliseconds
        # Header names are matched as the toolkit matches them: exactly, after it lowercases
        # the request's own names.
        names = [name for name in signed.split(",") if name == name.strip().lower()]
        signed_bytes = message(delivery, names, int(millis))
        if not claimed or not any(equal(hmac.digest(s.value, signed_bytes, "sha256"), claimed) for s in secrets):
            raise Unauthorized("bad_signature")
        check_age(millis / 1000, delivery.received_at, self.tolerance)

    def sign(self, delivery: Delivery, secret: bytes) -> dict[str, str]:
        """The headers a sender would add: for the curl helper only, never for tests."""
        millis = int(time.time() * 1000)
        digest = hmac.digest(secret, message(delivery, [], millis), "sha256")
        return {SIGNATURE: digest.hex(), SIGNED_HEADERS: f"{SIGNED_HEADERS},{TIMESTAMP}", TIMESTAMP: str(millis)}


PROVIDER = Provider(
    id="contentful",
    docs="https://www.contentful.com/developers/docs/webhooks/request-verification/",
    summary=(
        "HMAC-SHA256 of `method\\npath\\nsigned headers\\nbody` with the signing secret, "
        "`x-contentful-signature: <hex>`; 30 s"
    ),
    verify=ContentfulSignature(),
    event_type=header("X-Contentful-Topic"),
    retries=Retries(
        retries=True,
        on="failed delivery (codes not stated; a forum test saw only timeouts retried)",
        schedule="default 2 more attempts 30 s apart (3 in ~1 min); Premium+ can set up to 99 (~24 h)",
        source="https://www.contentful.com/developers/docs/webhooks/retry-policy/",
    ),
)
