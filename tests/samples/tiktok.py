import json

from tests.signers import Sample, documented

SECRET = "tiktok-client-secret-9a3f"

SAMPLE = Sample(
    secret=SECRET,
    # No TikTok SDK signs: hex HMAC-SHA256 of `<t>.<body>` with the client secret, `t=<t>,s=<hex>`
    # (developers.tiktok.com/doc/webhooks-verification).
    sign=documented(
        SECRET,
        lambda signature, now: {"TikTok-Signature": f"t={now},s={signature}"},
        message=lambda body, now: f"{now}.".encode() + body,
    ),
    signature_header="TikTok-Signature",
    body=json.dumps(
        {
            "client_key": "bwo2m45353a6k85",
            "event": "authorization.removed",
            "create_time": 1615338610,
            "user_openid": "act.example12345Example12345Example",
            "content": '{"reason": 1}',
        }
    ).encode(),
    attributes={"event_type": "authorization.removed", "ce-type": "tiktok.authorization.removed"},
)
