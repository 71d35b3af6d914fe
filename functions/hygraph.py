"""Hygraph (formerly GraphCMS): `gcms-signature: sign=<b64>, env=<environment>, t=<ms>`, HMAC-SHA256
of the JSON `{"Body": <raw body>, "EnvironmentName": <env>, "TimeStamp": <t>}`."""

from __future__ import annotations

import hmac
import json
from dataclasses import dataclass

from shared.crypto import equal
from shared.delivery import Delivery
from shared.errors import Unauthorized
from shared.provider import Provider, Retries, json_field
from shared.schemes import check_age, decode, parse_timestamp
from shared.secrets import Secrets


def _claims(value: str) -> dict[str, str]:
    return {key.strip(): v.strip() for key, _, v in (item.partition("=") for item in value.split(","))}


def environment(delivery: Delivery) -> str | None:
    """`env` of the gcms-signature header (the Hygraph environment, `master`, ...)."""
    value = delivery.header("gcms-signature")
    return _claims(value).get("env") or None if value else None


@dataclass(frozen=True, slots=True, kw_only=True)
class Signature:
    """@hygraph/utils verifyWebhookSignature, on the raw body (its `rawPayload`), with a clock check."""

    header: str = "gcms-signature"
    timestamp: str = "t"  # the signed timestamp, in milliseconds, inside the header
    # Hygraph documents no window, and its SDK checks none: the contract's default.
    tolerance: float = 300.0

    def __call__(self, delivery: Delivery, secrets: Secrets) -> None:
        value = delivery.header(self.header)
        if value is None:
            raise Unauthorized("missing_signature")
        claims = _claims(value)
        claimed = decode(claims.get("sign", ""), "base64")
        timestamp, env = claims.get(self.timestamp), claims.get("env")
        if not claimed or env is None:
            raise Unauthorized("bad_signature")
        if timestamp is None or not timestamp.isdigit():
            raise Unauthorized("missing_timestamp")
        try:
            body = delivery.body.decode("utf-8")
        except UnicodeDecodeError:
            raise Unauthorized("bad_body") from None
        # JSON.stringify({Body, EnvironmentName, TimeStamp}): no spaces, non-ASCII as is, and
        # TimeStamp the number parseInt read (so leading zeros are not signed).
        message = json.dumps(
            {"Body": body, "EnvironmentName": env, "TimeStamp": int(timestamp)},
            separators=(",", ":"),
            ensure_ascii=False,
        ).encode("utf-8")
        if not any(equal(hmac.new(s.value, message, "sha256").digest(), claimed) for s in secrets):
            raise Unauthorized("bad_signature")
        check_age(parse_timestamp(timestamp, "ms"), delivery.received_at, self.tolerance)


PROVIDER = Provider(
    id="hygraph",
    docs="https://hygraph.com/docs/api-reference/basics/webhooks",
    summary="Hygraph, formerly GraphCMS: HMAC-SHA256 of JSON `{Body, EnvironmentName, TimeStamp}`, "
    "`gcms-signature: sign=<b64>, env=.., t=<ms>`; 300 s",
    verify=Signature(),
    event_type=json_field("operation"),
    source=environment,
    attributes={"typename": json_field("data.__typename")},
    # Hygraph documents no response deadline: the contract default.
    timeout=10,
    retries=Retries(
        retries=None,
        schedule="unknown (no retry policy found)",
        source="https://hygraph.com/docs/api-reference/basics/webhooks",
    ),
)
