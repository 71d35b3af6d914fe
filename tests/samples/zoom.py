import json

from tests.signers import Exchange, Sample, mac

# providers.md (DERIVED from Zoom's documented algorithm): secret `zoomsecret`, plainToken
# `qgg8vlvZRS6UYooatFL8Aw` -> encryptedToken 83b2a60d...
SECRET = "zoomsecret"
PLAIN_TOKEN = "qgg8vlvZRS6UYooatFL8Aw"
ENCRYPTED_TOKEN = "83b2a60d4bbe49dc93763ed9e727a9a7690cbe4c1f8bb0adc0ffccd09ecb1384"


def sign(body: bytes, now: int) -> dict[str, str]:
    # developers.zoom.us webhooks: v0= hex HMAC-SHA256 of `v0:{timestamp}:{body}`.
    signature = mac(SECRET, f"v0:{now}:".encode() + body).hex()
    return {"x-zm-signature": f"v0={signature}", "x-zm-request-timestamp": str(now)}


SAMPLE = Sample(
    secret=SECRET,
    sign=sign,
    signature_header="x-zm-signature",
    body=json.dumps(
        {
            "event": "meeting.started",
            "event_ts": 1700000000123,
            "payload": {"account_id": "AAAAAABBBB", "object": {"id": "1234567890", "topic": "Réunion"}},
        }
    ).encode(),
    headers={"x-zm-trackingid": "v=2.0&s=1700000000123&c=us05"},
    attributes={
        "event_type": "meeting.started",
        "delivery_id": "v=2.0&s=1700000000123&c=us05",
        "ce-type": "zoom.meeting.started",
        "ce-source": "zoom/AAAAAABBBB",
    },
    exchanges=(
        Exchange(
            body=json.dumps(
                {"payload": {"plainToken": PLAIN_TOKEN}, "event_ts": 1700000000000, "event": "endpoint.url_validation"}
            ).encode(),
            answer=json.dumps({"plainToken": PLAIN_TOKEN, "encryptedToken": ENCRYPTED_TOKEN}).encode(),
            answer_headers={"Content-Type": "application/json"},
        ),
    ),
)
