import json

import smartcar

from tests.signers import Exchange, Sample

AMT = "smartcar-application-management-token-51e0"
CHALLENGE = "b2d3f8e1c4a5"


def sign(body: bytes, now: int) -> dict[str, str]:
    # Smartcar's Python SDK: verify_payload(amt, signature, body) compares hash_challenge(amt, body).
    return {"SC-Signature": smartcar.hash_challenge(AMT, body.decode())}


def verify_event(version: int, challenge: str = CHALLENGE) -> bytes:
    """The VERIFY event as smartcar.com/docs/integrations/webhooks/callback-verification shows it."""
    if version == 4:
        return json.dumps(
            {
                "eventId": "52f6e0bb-1369-45da-a61c-9e67d092d6db",
                "eventType": "VERIFY",
                "data": {"challenge": challenge},
                "meta": {"version": "4.0", "webhookId": "5a8e5e38-1e12-4011-a36d-56f120053f9e"},
            }
        ).encode()
    return json.dumps(
        {"version": "2.0", "webhookId": "5a8e5e38", "eventName": "verify", "payload": {"challenge": challenge}}
    ).encode()


# A challenge that is a delivery's text: its HMAC would be that delivery's SC-Signature.
FORGED = json.dumps({"eventId": "forged", "eventType": "VEHICLE_STATE", "data": {}})
ANSWER = json.dumps({"challenge": smartcar.hash_challenge(AMT, CHALLENGE)}).encode()

SAMPLE = Sample(
    secret=AMT,
    sign=sign,
    signature_header="SC-Signature",
    body=json.dumps(
        {
            "eventId": "8a1c7b6e-2f0d-4c1a-9e3b-5d4f6a7b8c9d",
            "eventType": "VEHICLE_STATE",
            "data": {"vehicle": {"id": "36ab27d0-fd9d-4455-823a-ce30af709ffc", "make": "TESLA"}},
            "meta": {
                "version": "4.0",
                "webhookId": "5a8e5e38-1e12-4011-a36d-56f120053f9e",
                "deliveryId": "5d569643-3a47-4cd1-a3ec-db5fc1f6f03b",
            },
        }
    ).encode(),
    attributes={
        "event_type": "VEHICLE_STATE",
        "delivery_id": "8a1c7b6e-2f0d-4c1a-9e3b-5d4f6a7b8c9d",
        "ce-source": "smartcar/5a8e5e38-1e12-4011-a36d-56f120053f9e",
    },
    exchanges=(
        Exchange(body=verify_event(4), answer=ANSWER, answer_headers={"Content-Type": "application/json"}),
        Exchange(body=verify_event(2), answer=ANSWER, answer_headers={"Content-Type": "application/json"}),
        # Smartcar's docs never say VERIFY is signed: a random-string challenge is answered unsigned.
        Exchange(
            body=verify_event(4), signed=False, answer=ANSWER, answer_headers={"Content-Type": "application/json"}
        ),
        Exchange(
            body=verify_event(2), signed=False, answer=ANSWER, answer_headers={"Content-Type": "application/json"}
        ),
    ),
    rejects=(
        # Unsigned, a challenge that could be a body is never answered: its answer would sign it.
        Exchange(body=verify_event(4, FORGED), signed=False, status=401, answer=None),
        Exchange(body=verify_event(4, "two words"), signed=False, status=401, answer=None),
        # What such an answer would sign: a body that is not a JSON object, refused though signed.
        Exchange(body=json.dumps(CHALLENGE).encode(), status=400, answer=None),
        Exchange(body=b"12345", status=400, answer=None),
    ),
)
