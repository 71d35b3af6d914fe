import json

import jwt

from tests.signers import Exchange, Sample

SECRET = "monday-app-signing-secret-77f0"
AUDIENCE = "https://hooks.example.com/monday"
CHALLENGE = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"


def token(now: int, **claims) -> str:
    # The claims monday.com documents (developer.monday.com "Authorization header"), signed by pyjwt.
    base = {"accountId": 1825529, "userId": 4012689, "aud": AUDIENCE, "iat": now, "exp": now + 300}
    return jwt.encode({**base, **claims}, SECRET, algorithm="HS256")


BODY = json.dumps(
    {
        "event": {
            "userId": 9603417,
            "originalTriggerUuid": None,
            "boardId": 1771812698,
            "pulseId": 1772099344,
            "pulseName": "Budget",
            "groupId": "topics",
            "app": "monday",
            "type": "create_pulse",
            "triggerTime": "2021-10-11T09:07:28.210Z",
            "subscriptionId": 73759690,
            "triggerUuid": "b5ed2e17c530f43668de130142445cba",
        }
    }
).encode()

SAMPLE = Sample(
    secret=SECRET,
    sign=lambda body, now: {"Authorization": token(now)},
    signature_header="Authorization",
    body=BODY,
    # The JWT names the app, account and endpoint, not the body.
    signs_body=False,
    settings={"MONDAY_AUDIENCE": AUDIENCE},
    attributes={
        "event_type": "create_pulse",
        "delivery_id": "b5ed2e17c530f43668de130142445cba",
        "ce-source": "monday/1771812698",
    },
    exchanges=(
        Exchange(
            body=json.dumps({"challenge": CHALLENGE}).encode(),
            signed=False,
            answer=json.dumps({"challenge": CHALLENGE}).encode(),
            answer_headers={"Content-Type": "application/json"},
        ),
    ),
    rejects=(
        Exchange(body=BODY, signed=False, status=401, answer=None, headers={"Authorization": token(1_600_000_000)}),
        Exchange(
            body=BODY,
            signed=False,
            status=401,
            answer=None,
            headers={"Authorization": token(2_000_000_000, aud="https://elsewhere.example.com/monday")},
        ),
        Exchange(
            body=BODY,
            signed=False,
            status=401,
            answer=None,
            headers={"Authorization": jwt.encode({"aud": AUDIENCE, "exp": 2_000_000_000}, "other", algorithm="HS256")},
        ),
    ),
)
