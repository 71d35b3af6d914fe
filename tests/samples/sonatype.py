import json

from tests.signers import Sample, stdlib_hmac

SECRET = "nexus-secret-key-c41b"
DELIVERY = "7f4a6dde-5c68-4999-bcc0-a62f3fb8ae48"

SAMPLE = Sample(
    secret=SECRET,
    # No Sonatype SDK signs: hex HMAC-SHA1 of the JSON body with the secret key (help.sonatype.com).
    sign=stdlib_hmac(SECRET, "X-Nexus-Webhook-Signature", algorithm="sha1"),
    signature_header="X-Nexus-Webhook-Signature",
    headers={"X-Nexus-Webhook-Id": "rm:repository:asset", "X-Nexus-Webhook-Delivery": DELIVERY},
    # Nexus hashes the JSON body as sent, without whitespace.
    body=json.dumps(
        {
            "timestamp": "2016-11-10T23:57:49.664+0000",
            "nodeId": "52905B51-085CCABB-CEBBEAAD-16795588-FC927D93",
            "initiator": "admin/127.0.0.1",
            "repositoryName": "npm-proxy",
            "action": "CREATED",
            "asset": {"id": "31c950c8eeeab78336308177ae9c441c", "format": "npm", "name": "concrete"},
        },
        separators=(",", ":"),
    ).encode(),
    json=False,  # nothing is read from the body, so it is never parsed
    attributes={
        "event_type": "rm:repository:asset",
        "delivery_id": DELIVERY,
        "ce-type": "sonatype.rm:repository:asset",
    },
)
