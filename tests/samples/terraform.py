import json

from tests.signers import Sample, stdlib_hmac

SECRET = "tfe-notification-token-5b1f9c"

SAMPLE = Sample(
    secret=SECRET,
    # No HashiCorp SDK signs: hex HMAC-SHA512 of the body with the token (notification authenticity).
    sign=stdlib_hmac(SECRET, "X-TFE-Notification-Signature", algorithm="sha512"),
    signature_header="X-TFE-Notification-Signature",
    # The run notification payload from the notification-configurations API docs.
    body=json.dumps(
        {
            "payload_version": 1,
            "notification_configuration_id": "nc-AeUQ2zfKZzW9TiGZ",
            "run_url": "https://app.terraform.io/app/acme-org/my-workspace/runs/run-FwnENkvDnrpyFC7M",
            "run_id": "run-FwnENkvDnrpyFC7M",
            "run_message": "Add five new queue workers",
            "run_created_at": "2019-01-25T18:34:00.000Z",
            "run_created_by": "sample-user",
            "workspace_id": "ws-XdeUVMWShTesDMME",
            "workspace_name": "my-workspace",
            "organization_name": "acme-org",
            "notifications": [
                {
                    "message": "Run Canceled",
                    "trigger": "run:errored",
                    "run_status": "canceled",
                    "run_updated_at": "2019-01-25T18:37:04.000Z",
                    "run_updated_by": "sample-user",
                }
            ],
        }
    ).encode(),
    attributes={
        "event_type": "run:errored",
        "ce-source": "terraform/nc-AeUQ2zfKZzW9TiGZ",
        "run_id": "run-FwnENkvDnrpyFC7M",
        "workspace_id": "ws-XdeUVMWShTesDMME",
    },
)
