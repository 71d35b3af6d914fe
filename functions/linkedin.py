"""LinkedIn: hex HMAC-SHA256 of `hmacsha256=` + body with the app's clientSecret, in X-LI-Signature;
the GET `challengeCode` validation answered with its HMAC."""

from __future__ import annotations

import hashlib
import hmac
import json
import re

from shared import secrets
from shared.delivery import Delivery
from shared.errors import BadRequest
from shared.provider import Answer, Provider, Retries
from shared.schemes import Hmac

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


PROVIDER = Provider(
    id="linkedin",
    docs="https://learn.microsoft.com/en-us/linkedin/shared/api-guide/webhook-validation",
    summary="HMAC-SHA256 of `hmacsha256=` + body with the clientSecret, `X-LI-Signature: <hex>`",
    # "compute the signature on the POST body prefixed by hmacsha256= using the HMACSHA256
    # hashing algorithm and your clientSecret".
    verify=Hmac(header="X-LI-Signature", signed="hmacsha256={body}"),
    challenge=validation,
    # The validation must be answered "within 3 seconds"; notifications state no deadline.
    timeout=3,
    retries=Retries(
        retries=None,
        disables="yes: failing webhook URLs become BLOCKED until revalidated (threshold not stated)",
        source="https://learn.microsoft.com/en-us/linkedin/shared/api-guide/developer-webhooks",
    ),
)
