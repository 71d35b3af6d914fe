import json

from tests.signers import Sample, stdlib_hmac

SECRET = "somesupersecretphrase"

SAMPLE = Sample(
    secret=SECRET,
    # No Webex SDK signs: hex HMAC-SHA1 of the raw body with the webhook secret (Webex developer blog).
    sign=stdlib_hmac(SECRET, "X-Spark-Signature", algorithm="sha1"),
    signature_header="X-Spark-Signature",
    # Shortened from the request shown in developer.webex.com's "Receive and verify events".
    body=json.dumps(
        {
            "id": "Y2lzY29zcGFyazovL3VzL1dFQkhPT0svZjRlNjA1NjAtNjYwMi00ZmIwLWEyNWEtOTQ5ODgxNjA5NDk3",
            "name": "New message in 'Project Unicorn' room",
            "resource": "messages",
            "event": "created",
            "orgId": "OTZhYmMyYWEtM2RjYy0xMWU1LWExNTItZmUzNDgxOWNkYzlh",
            "ownedBy": "creator",
            "status": "active",
            "data": {
                "id": "Y2lzY29zcGFyazovL3VzL01FU1NBR0UvOTJkYjNiZTAtNDNiZC0xMWU2LThhZTktZGQ1YjNkZmM1NjVk",
                "roomType": "group",
            },
        }
    ).encode(),
    attributes={
        "event_type": "messages.created",
        "ce-source": "webex/Y2lzY29zcGFyazovL3VzL1dFQkhPT0svZjRlNjA1NjAtNjYwMi00ZmIwLWEyNWEtOTQ5ODgxNjA5NDk3",
        "data_id": "Y2lzY29zcGFyazovL3VzL01FU1NBR0UvOTJkYjNiZTAtNDNiZC0xMWU2LThhZTktZGQ1YjNkZmM1NjVk",
    },
)
