from tests.signers import Exchange, Sample, vector

SAMPLE = Sample(
    secret="the_secret",
    # Published: hapi-dropbox-webhooks' test (re-verified in shared/providers.md).
    sign=vector({"X-Dropbox-Signature": "0a8c16b085420b960dc78664279fe09e936a2a01b1f91064869d9e77dfd64529"}),
    signature_header="X-Dropbox-Signature",
    body=b'{"delta": {"users": [12345]}}',
    attributes={"provider": "dropbox", "ce-type": "dropbox"},
    json=False,
    exchanges=(
        Exchange(
            method="GET",
            query="challenge=Fk2tl6SdGT0bqp3Zb3WeQ2s",
            signed=False,
            answer=b"Fk2tl6SdGT0bqp3Zb3WeQ2s",
            answer_headers={"Content-Type": "text/plain", "X-Content-Type-Options": "nosniff"},
        ),
    ),
)
