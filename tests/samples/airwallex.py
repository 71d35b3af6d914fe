import json

from tests.signers import Sample, stdlib_hmac

SECRET = "whsec_airwallex-endpoint-secret-5b2e"

SAMPLE = Sample(
    secret=SECRET,
    # No Airwallex Python SDK signs: hex HMAC-SHA256 of x-timestamp + body, as Airwallex's Java example does.
    sign=lambda body, now: {
        "x-timestamp": str(now * 1000),
        **stdlib_hmac(SECRET, "x-signature", message=lambda body, now: str(now * 1000).encode() + body)(body, now),
    },
    signature_header="x-signature",
    body=json.dumps(
        {
            "id": "evt_100_2019102201540902013102020043_8321220011893766",
            "name": "payment_attempt.authorized",
            "account_id": "19621303213",
            "data": {"object": {"id": "att_hkpdcpcvbgh8mw11111_wkgwfs", "status": "AUTHORIZED"}},
            "created_at": "2019-10-22T01:54:09+0000",
            "version": "2024-02-22",
        }
    ).encode(),
    attributes={
        "event_type": "payment_attempt.authorized",
        "delivery_id": "evt_100_2019102201540902013102020043_8321220011893766",
        "ce-source": "airwallex/19621303213",
    },
)
