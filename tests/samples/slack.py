import json

from tests.signers import Exchange, Sample

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"


def sign(body: bytes, now: int) -> dict[str, str]:
    from slack_sdk.signature import SignatureVerifier

    signature = SignatureVerifier(SECRET).generate_signature(timestamp=str(now), body=body)
    return {"X-Slack-Signature": signature, "X-Slack-Request-Timestamp": str(now)}


CHALLENGE = b"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"

SAMPLE = Sample(
    secret=SECRET,
    sign=sign,
    signature_header="X-Slack-Signature",
    body=json.dumps(
        {
            "type": "event_callback",
            "event_id": "Ev08MFMKH6",
            "team_id": "T1DC2JH3J",
            "api_app_id": "A0MDYCDME",
            "event": {"type": "app_mention", "text": "héllo"},
        }
    ).encode(),
    headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"},
    attributes={
        "event_type": "app_mention",
        "delivery_id": "Ev08MFMKH6",
        "ce-source": "slack/A0MDYCDME/T1DC2JH3J",
        "retry_num": "1",
    },
    exchanges=(
        Exchange(
            body=b'{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"' + CHALLENGE + b'","type":"url_verification"}',
            answer=CHALLENGE,
        ),
    ),
)
