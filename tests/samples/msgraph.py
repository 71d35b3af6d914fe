import json

from tests.signers import Exchange, Sample

SECRET = "SecretClientState-8d2f"


def notification(client_state: str | None, change: str = "created") -> dict:
    item = {
        "subscriptionId": "7f105c7d-2dc5-4530-97cd-4e7ae6534c07",
        "subscriptionExpirationDateTime": "2026-12-01T11:00:00.0000000Z",
        "changeType": change,
        "resource": "Users/ab9a/Messages/AAMkAG",
        "resourceData": {"@odata.type": "#Microsoft.Graph.Message", "id": "AAMkAG"},
        "tenantId": "84bd8158-6d4d-4958-8b9f-9d6445542f95",
    }
    if client_state is not None:
        item["clientState"] = client_state
    return item


def batch(*items: dict) -> bytes:
    return json.dumps({"value": list(items)}).encode()


# The validation request as learn.microsoft.com shows it: the token URL-encoded in the query.
TOKEN = "Validation: Testing client application reachability for subscription Request-Id: 4a6e1a3f"

SAMPLE = Sample(
    secret=SECRET,
    # No signature: the secret travels in each notification's clientState.
    sign=lambda body, now: {},
    signature_header=None,
    signs_body=False,
    body=batch(notification(SECRET), notification(SECRET, "updated")),
    attributes={
        "event_type": "created",
        "ce-source": "msgraph/7f105c7d-2dc5-4530-97cd-4e7ae6534c07",
        "tenant_id": "84bd8158-6d4d-4958-8b9f-9d6445542f95",
    },
    ack=(202, b""),
    exchanges=(
        Exchange(
            query="validationToken=Validation%3a+Testing+client+application+reachability+for+subscription"
            "+Request-Id%3a+4a6e1a3f",
            headers={"Content-Type": "text/plain; charset=utf-8"},
            signed=False,
            answer=TOKEN.encode(),
            answer_headers={"Content-Type": "text/plain"},
        ),
    ),
    rejects=(
        Exchange(body=batch(notification(SECRET), notification(SECRET + "x")), status=401, answer=b"Unauthorized"),
        Exchange(body=batch(notification(SECRET), notification(None)), status=401, answer=b"Unauthorized"),
        Exchange(body=batch(notification("")), status=401, answer=b"Unauthorized"),
        Exchange(body=json.dumps({"value": []}).encode(), status=400, answer=b"Bad Request"),
    ),
)
