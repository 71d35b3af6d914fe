import json

from tests.signers import Exchange, Sample

SECRET = "meraki-shared-secret-7a41"


def alert(shared_secret: object) -> bytes:
    """Meraki's documented example alert (developer.cisco.com, Meraki webhooks), with a secret."""
    document = {
        "version": "0.1",
        "sharedSecret": shared_secret,
        "sentAt": "2019-07-19T06:20:39.656975Z",
        "organizationId": "00000001",
        "organizationName": "Miles Monitoring Inc.",
        "organizationUrl": "https://n1.meraki.com/o//manage/organization/overview",
        "networkId": "N_111111111111",
        "networkName": "Main Office",
        "networkUrl": "https://n1.meraki.com//n//manage/nodes/list",
        "alertId": "0000000000000000",
        "alertType": "Settings changed",
        "occurredAt": "2019-07-19T06:15:33.504142Z",
        "alertData": {"name": "Routing and DHCP", "url": "/manage/configure/switch_l3"},
        "deviceSerial": "XXXX-XXXX-XXXX",
    }
    if shared_secret is None:
        del document["sharedSecret"]
    return json.dumps(document).encode()


SAMPLE = Sample(
    secret=SECRET,
    # No signature: the secret travels in the body's sharedSecret.
    sign=lambda body, now: {},
    signature_header=None,
    signs_body=False,
    body=alert(SECRET),
    attributes={
        "event_type": "Settings changed",
        "delivery_id": "0000000000000000",
        "ce-source": "meraki/N_111111111111",
        "organization_id": "00000001",
    },
    rejects=(
        Exchange(body=alert(SECRET + "x"), status=401, answer=b"Unauthorized"),
        Exchange(body=alert(None), status=401, answer=b"Unauthorized"),
        Exchange(body=alert(""), status=401, answer=b"Unauthorized"),
        Exchange(body=alert(12345), status=401, answer=b"Unauthorized"),
    ),
)
