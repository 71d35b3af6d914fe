import base64
import hashlib
import hmac
import json

from tests.signers import Exchange, Sample, stdlib_hmac

# X's own example (jcipriano's CRC gist, linked from the Account Activity docs): the app
# consumer secret and a crc_token.
SECRET = "z3ZX4v7mAAUGykl3EcmkqbartmuW8VFOOzCloLx9Q45P0hLrFu"
CRC_TOKEN = "9b4507b3-9040-4669-9ca3-6b94edb50553"
# get_challenge_response(TOKEN) from that gist, run with Python's stdlib: no X SDK signs.
RESPONSE = json.dumps(
    {
        "response_token": "sha256="
        + base64.b64encode(hmac.new(SECRET.encode(), CRC_TOKEN.encode(), hashlib.sha256).digest()).decode()
    }
).encode()

SAMPLE = Sample(
    secret=SECRET,
    # docs.x.com webhooks: the POST body's HMAC-SHA256 with the consumer secret, base64, `sha256=`.
    sign=stdlib_hmac(SECRET, "X-Twitter-Webhooks-Signature", encoding="base64", layout="sha256={signature}"),
    signature_header="X-Twitter-Webhooks-Signature",
    body=json.dumps(
        {
            "for_user_id": "2244994945",
            "tweet_create_events": [
                {"id_str": "1864031516130844672", "text": "@XDevelopers héllo", "user": {"id_str": "6253282"}}
            ],
        },
        ensure_ascii=False,
    ).encode(),
    attributes={"event_type": "tweet_create_events", "ce-source": "twitter/2244994945"},
    exchanges=(
        Exchange(
            method="GET",
            query=f"crc_token={CRC_TOKEN}",
            signed=False,
            answer=RESPONSE,
            answer_headers={"Content-Type": "application/json"},
        ),
        # A GET without a token is no CRC.
        Exchange(method="GET", signed=False, status=405, answer=None),
    ),
)
