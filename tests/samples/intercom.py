import json

from tests.signers import Exchange, Sample, stdlib_hmac

SECRET = "intercom-client-secret-9d2e"
SIGN = stdlib_hmac(SECRET, "X-Hub-Signature", algorithm="sha1", layout="sha1={signature}")
NOTIFICATION = "notif_ccd8a4d2-c11c-4ea6-8ac4-1cf4b3f1b9c5"

SAMPLE = Sample(
    secret=SECRET,
    # No Intercom SDK signs: hex HMAC-SHA1 of the body with the client secret, as Intercom documents.
    sign=SIGN,
    signature_header="X-Hub-Signature",
    body=json.dumps(
        {
            "type": "notification_event",
            "app_id": "ecahpwf5",
            "data": {"type": "notification_event_data", "item": {"type": "conversation", "id": "147"}},
            "id": NOTIFICATION,
            "topic": "conversation.user.created",
            "delivery_status": "pending",
            "delivery_attempts": 1,
            "first_sent_at": 1617279043,
            "created_at": 1617279042,
        }
    ).encode(),
    attributes={
        "event_type": "conversation.user.created",
        "delivery_id": NOTIFICATION,
        "ce-source": "intercom/ecahpwf5",
        "ce-type": "intercom.conversation.user.created",
    },
    exchanges=(
        Exchange(
            body=json.dumps(
                {
                    "type": "notification_event",
                    "app_id": "ecahpwf5",
                    "data": {"type": "notification_event_data", "item": {"type": "ping", "message": "hello"}},
                    "id": None,
                    "topic": "ping",
                }
            ).encode()
        ),
    ),
)
