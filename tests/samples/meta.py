import json

from tests.signers import Exchange, Sample, mac

SECRET = "3f2a7c9e1b5d4a6f8e0c2b4d6f8a0c2e"
VERIFY_TOKEN = "meta-verify-token-5a1e"
CHALLENGE = "1158201444"


def sign(body: bytes, now: int) -> dict[str, str]:
    # developers.facebook.com webhooks getting-started: sha256= hex HMAC of the payload with the app secret.
    return {"X-Hub-Signature-256": "sha256=" + mac(SECRET, body).hex()}


SAMPLE = Sample(
    secret=SECRET,
    sign=sign,
    signature_header="X-Hub-Signature-256",
    # Meta escapes non-ASCII as \uXXXX and / as \/; the signature covers those exact bytes.
    body=json.dumps(
        {
            "object": "whatsapp_business_account",
            "entry": [
                {
                    "id": "102290129340398",
                    "changes": [
                        {"field": "messages", "value": {"messages": [{"id": "wamid.HBg", "text": {"body": "h\u00e9"}}]}}
                    ],
                }
            ],
        }
    ).encode(),
    attributes={
        "event_type": "whatsapp_business_account.messages",
        "ce-type": "meta.whatsapp_business_account.messages",
        "ce-source": "meta/whatsapp_business_account",
    },
    settings={"META_VERIFY_TOKEN": VERIFY_TOKEN},
    exchanges=(
        Exchange(
            method="GET",
            query=f"hub.mode=subscribe&hub.challenge={CHALLENGE}&hub.verify_token={VERIFY_TOKEN}",
            signed=False,
            answer=CHALLENGE.encode(),
        ),
    ),
    rejects=(
        Exchange(
            method="GET",
            query=f"hub.mode=subscribe&hub.challenge={CHALLENGE}&hub.verify_token={VERIFY_TOKEN}x",
            signed=False,
            status=403,
            answer=b"Forbidden",
        ),
        Exchange(
            method="GET",
            query=f"hub.mode=subscribe&hub.challenge={CHALLENGE}",
            signed=False,
            status=403,
            answer=b"Forbidden",
        ),
    ),
)
