import json

from tests.signers import Sample, stdlib_hmac

SECRET = "whsec_alchemy_signing_key_5e7d"

SAMPLE = Sample(
    secret=SECRET,
    # No Alchemy SDK signs: hex HMAC-SHA256 of the body with the signing key, as Alchemy's
    # webhook-examples (isValidSignatureForStringBody) computes it.
    sign=stdlib_hmac(SECRET, "X-Alchemy-Signature"),
    signature_header="X-Alchemy-Signature",
    body=json.dumps(
        {
            "webhookId": "wh_octjglnywaupz6th",
            "id": "whevt_ogrc5v64myey69ux",
            "createdAt": "2026-11-28T18:00:00.000Z",
            "type": "ADDRESS_ACTIVITY",
            "event": {"network": "ETH_MAINNET", "activity": []},
        }
    ).encode(),
    attributes={
        "event_type": "ADDRESS_ACTIVITY",
        "delivery_id": "whevt_ogrc5v64myey69ux",
        "ce-type": "alchemy.ADDRESS_ACTIVITY",
        "ce-source": "alchemy/wh_octjglnywaupz6th",
    },
)
