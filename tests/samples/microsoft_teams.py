import base64
import hashlib
import hmac
import json

from tests.signers import Sample

# The "contoso" signing key of Microsoft's sample (OfficeDev/microsoft-teams-sample-outgoing-webhook,
# AuthProvider.cs): a security token as Teams shows it, base64 of 32 bytes.
SECRET = "vqF0En+Z0ucuRTM/01o2GuhMH3hKKk/N2bOmlM31zaA="


def sign(body: bytes, now: int) -> dict[str, str]:
    # No SDK signs: Microsoft's Node sample in Python's stdlib, the key base64-decoded,
    # `"HMAC " + base64(HMAC-SHA256(key, body))`.
    digest = hmac.new(base64.b64decode(SECRET), body, hashlib.sha256).digest()
    return {"Authorization": "HMAC " + base64.b64encode(digest).decode()}


SAMPLE = Sample(
    secret=SECRET,
    sign=sign,
    signature_header="Authorization",
    # The shape of an outgoing-webhook message (Microsoft's sample, trimmed).
    body=json.dumps(
        {
            "type": "message",
            "id": "1485983408511",
            "timestamp": "2026-11-28T21:10:08.524Z",
            "serviceUrl": "https://smba.trafficmanager.net/amer-client-ss.msg/",
            "channelId": "msteams",
            "from": {"id": "29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85g", "name": "Tïm Jones"},
            "conversation": {"isGroup": True, "id": "19:253b1f341670408fb6fcb6c89a2a9b11@thread.skype"},
            "text": "<at>Sample</at> deploy please",
            "channelData": {
                "teamsChannelId": "19:253b1f341670408fb6fcb6c89a2a9b11@thread.skype",
                "teamsTeamId": "19:712bf4ba5d4345328e5a6ca1ba8f0d1f@thread.skype",
                "channel": {"id": "19:253b1f341670408fb6fcb6c89a2a9b11@thread.skype"},
                "team": {"id": "19:712bf4ba5d4345328e5a6ca1ba8f0d1f@thread.skype"},
                "tenant": {"id": "72f988bf-86f1-41af-91ab-2d7cd011db47"},
            },
        },
        ensure_ascii=False,
    ).encode(),
    attributes={
        "event_type": "message",
        "delivery_id": "1485983408511",
        "ce-source": "microsoft_teams/19:712bf4ba5d4345328e5a6ca1ba8f0d1f@thread.skype",
        "ce-time": "2026-11-28T21:10:08.524Z",
        "tenant_id": "72f988bf-86f1-41af-91ab-2d7cd011db47",
    },
    ack=(200, b'{"type":"message","text":"Received."}'),
    ack_headers={"Content-Type": "application/json"},
)
