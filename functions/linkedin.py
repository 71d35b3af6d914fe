"""LinkedIn: hex HMAC-SHA256 with the app's clientSecret in X-LI-Signature, over `hmacsha256=` + body
(as documented) or, for a JSON-object body, over the body alone (header with or without a
`hmacsha256=` prefix); the GET `challengeCode` validation answered with its HMAC."""

from __future__ import annotations

import hashlib
import hmac
import json
import re

from shared import secrets
from shared.delivery import Delivery
from shared.errors import BadRequest
from shared.provider import Answer, Provider, Retries
from shared.schemes import Claim, Hmac, ObjectBody, either

# "Randomly generated type-4 UUID string". Nothing else is answered: the answer is an HMAC with
# the key that signs notifications, and a UUID can never be a signed message (`hmacsha256=...`).
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")


def validation(delivery: Delivery) -> Answer | None:
    """GET `?challengeCode=<uuid>`: `{"challengeCode", "challengeResponse": hex HMAC(clientSecret, code)}`."""
    code = delivery.query.get("challengeCode")
    if delivery.method != "GET" or code is None:
        return None
    if not UUID.fullmatch(code):
        raise BadRequest("bad_challenge")
    # The first configured secret answers; parent-child apps (`applicationId`) need one function each.
    key = secrets.load(delivery.provider)[0].value
    response = hmac.new(key, code.encode("ascii"), hashlib.sha256).hexdigest()
    body = json.dumps({"challengeCode": code, "challengeResponse": response}).encode()
    return Answer(body=body, content_type="application/json")


def optional_prefix(value: str) -> Claim:
    """`hmacsha256=<hex>` or `<hex>`: the same signature either way."""
    return Claim(signatures=(value.strip().removeprefix("hmacsha256="),))


PROVIDER = Provider(
    id="linkedin",
    docs="https://learn.microsoft.com/en-us/linkedin/shared/api-guide/webhook-validation",
    summary="HMAC-SHA256 of `hmacsha256=` + body (or of a JSON body) with the clientSecret, `X-LI-Signature: <hex>`",
    # "compute the signature on the POST body prefixed by hmacsha256= using the HMACSHA256
    # hashing algorithm and your clientSecret" reads three ways and LinkedIn publishes no
    # vector: every reading needs the secret, so all three verify. HMAC(body) is also how the
    # GET challenge is answered, so that reading is tried only on a JSON object: a challenge
    # code never is one, so its answer can never sign a delivery.
    verify=either(
        Hmac(header="X-LI-Signature", signed="hmacsha256={body}"),
        ObjectBody(verify=Hmac(header="X-LI-Signature", claims=optional_prefix)),
    ),
    challenge=validation,
    # The validation must be answered "within 3 seconds"; notifications state no deadline.
    timeout=3,
    retries=Retries(
        retries=None,
        disables="yes: failing webhook URLs become BLOCKED until revalidated (threshold not stated)",
        source="https://learn.microsoft.com/en-us/linkedin/shared/api-guide/developer-webhooks",
    ),
)
