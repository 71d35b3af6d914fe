import json

from tests.signers import Sample, documented

SECRET = "wbhsec_3c7d0a51-5a5b-4d8e-9e0b-persona"

SAMPLE = Sample(
    secret=SECRET,
    # No Persona Python SDK signs: hex HMAC-SHA256 of `<t>.<body>` (Persona's "Checking Signatures").
    sign=documented(
        SECRET,
        lambda signature, now: {"Persona-Signature": f"t={now},v1={signature}"},
        message=lambda body, now: f"{now}.".encode() + body,
    ),
    signature_header="Persona-Signature",
    body=json.dumps(
        {
            "data": {
                "type": "event",
                "id": "evt_XGuYWp7WuDzNxie5z16s7sGJ",
                "attributes": {
                    "name": "inquiry.approved",
                    "payload": {"data": {"type": "inquiry", "id": "inq_2CVZ4HyVg7qaboXz2PUHknAn"}},
                    "created-at": "2019-09-09T22:46:14.000Z",
                },
            }
        }
    ).encode(),
    attributes={"event_type": "inquiry.approved", "delivery_id": "evt_XGuYWp7WuDzNxie5z16s7sGJ"},
)
