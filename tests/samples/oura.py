import json

from tests.signers import Exchange, Sample, documented

SECRET = "oura-client-secret-7a2e91"
TOKEN = "oura-verification-token-3c"

# No Oura Python SDK signs: HMAC-SHA256 of timestamp + body, upper-case hex, as the sample code
# in Oura's API docs computes it (`hmac.update(timestamp + body)`, `.digest('hex').toUpperCase()`).
sign_seconds = documented(
    SECRET,
    lambda signature, now: {"x-oura-timestamp": str(now), "x-oura-signature": signature.upper()},
    message=lambda body, now: str(now).encode() + body,
)
# The docs say only "unix timestamp": the same in milliseconds.
sign_milliseconds = documented(
    SECRET,
    lambda signature, now: {"x-oura-timestamp": str(now * 1000), "x-oura-signature": signature.upper()},
    message=lambda body, now: str(now * 1000).encode() + body,
)

SAMPLE = Sample(
    secret=SECRET,
    sign=sign_seconds,
    signature_header="x-oura-signature",
    body=json.dumps(
        {
            "event_type": "create",
            "data_type": "daily_sleep",
            "object_id": "8f9a5221-639e-4a85-81cb-4065ef23f979",
            "event_time": "2024-03-18T07:12:45.123456+00:00",
            "user_id": "d2b1f3c4",
        }
    ).encode(),
    settings={"OURA_VERIFICATION_TOKEN": TOKEN},
    attributes={"event_type": "daily_sleep.create", "ce-source": "oura/d2b1f3c4"},
    exchanges=(
        Exchange(
            method="GET",
            query=f"verification_token={TOKEN}&challenge=6a5c3b2f",
            signed=False,
            answer=json.dumps({"challenge": "6a5c3b2f"}).encode(),
            answer_headers={"Content-Type": "application/json"},
        ),
    ),
    rejects=(
        Exchange(
            method="GET", query="verification_token=wrong&challenge=6a5c3b2f", signed=False, status=403, answer=None
        ),
    ),
)
