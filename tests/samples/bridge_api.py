import json

from tests.signers import Sample, documented

SECRET = "bridgeapi-webhook-secret-3f8a2d"

SAMPLE = Sample(
    secret=SECRET,
    # Bridge API ships no SDK: Python's hmac as docs.bridgeapi.io describes it (HMAC-SHA256 of the
    # payload with the endpoint's secret), in the uppercase hex Bridge sends, after the `v1=` scheme.
    sign=documented(SECRET, lambda signature, now: {"BridgeApi-Signature": f"v1={signature.upper()}"}),
    signature_header="BridgeApi-Signature",
    # The "Item refreshed" example of docs.bridgeapi.io/docs/webhooks-events.
    body=json.dumps(
        {
            "content": {
                "account_types": "payment",
                "full_refresh": False,
                "refresh_trigger": "scheduler",
                "item_id": 4568565,
                "status_code": 0,
                "status_code_info": "ok",
                "user_uuid": "766b2f5d-a942-492c-9ea7-2e5aa88cb672",
            },
            "timestamp": 1612783550980,
            "type": "item.refreshed",
        }
    ).encode(),
    attributes={
        "event_type": "item.refreshed",
        "user_uuid": "766b2f5d-a942-492c-9ea7-2e5aa88cb672",
        "ce-type": "bridge_api.item.refreshed",
        "ce-source": "bridge_api",
    },
)
