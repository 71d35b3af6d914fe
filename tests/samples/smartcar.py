import json

import smartcar

from tests.signers import Exchange, Sample

AMT = "smartcar-application-management-token-51e0"
CHALLENGE = "b2d3f8e1c4a5"


def sign(body: bytes, now: int) -> dict[str, str]:
    # Smartcar's Python SDK: verify_payload(amt, signature, body) compares hash_challenge(amt, body).
    return {"SC-Signature": smartcar.hash_challenge(AMT, body.decode())}


def verify_event(version: int) -> bytes:
    if version == 4:
        return json.dumps(
            {
                "eventId": "52f6e0bb-1369-45da-a61c-9e67d092d6db",
                "eventType": "VERIFY",
                "data": {"challenge": CHALLENGE},
                "meta": {"version": "4.0", "webhookId": "5a8e5e38-1e12-4011-a36d-56f120053f9e"},
            }
        ).encode()
    return json.dumps(
        {"version": "2.0", "webhookId": "5a8e5e38", "eventName": "verify", "payload": {"challenge": CHALLENGE}}
    ).encode()


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
    ),
    # Unsigned, the challenge is never answered: its answer would sign any body the caller chose.
    rejects=(Exchange(body=verify_event(4), signed=False, status=401, answer=None),),
)
