from tests.signers import Sample

SECRET = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy"
URL = "https://hooks.example.com/hubspot"


def sign(body: bytes, now: int) -> dict[str, str]:
    from hubspot.utils.signature import Signature

    timestamp = str(now * 1000)
    signature = Signature.get_signature(SECRET, body.decode(), "v3", http_uri=URL, timestamp=timestamp)
    return {"X-HubSpot-Signature-v3": signature, "X-HubSpot-Request-Timestamp": timestamp}


SAMPLE = Sample(
    secret=SECRET,
    sign=sign,
    signature_header="X-HubSpot-Signature-v3",
    body=b'[{"eventId":1001,"subscriptionId":2345,"portalId":62515,"appId":54321,"occurredAt":1700000000000,'
    b'"subscriptionType":"contact.propertyChange","attemptNumber":0,"objectId":123,"propertyName":"email"}]',
    attributes={
        "event_type": "contact.propertyChange",
        "ce-source": "hubspot/62515",
        "ce-type": "hubspot.contact.propertyChange",
    },
    settings={"HUBSPOT_PUBLIC_URL": URL},
)
