import base64
import json

from tests.signers import Sample, stdlib_hmac

# What Airtable returns as `macSecretBase64` when the webhook is created (pyairtable's docstring example).
SECRET = "c3VwZXIgZHVwZXIgc2VjcmV0"

SAMPLE = Sample(
    secret=SECRET,
    # No official Airtable SDK for Python: hex HMAC-SHA256 of the body keyed by the *decoded* secret,
    # `hmac-sha256=` prefixed (Airtable webhooks overview; pyairtable's WebhookNotification.from_request).
    sign=stdlib_hmac(base64.b64decode(SECRET).decode(), "X-Airtable-Content-MAC", layout="hmac-sha256={signature}"),
    signature_header="X-Airtable-Content-MAC",
    body=json.dumps(
        {
            "base": {"id": "appHUFsHR4pAjprKd"},
            "webhook": {"id": "achAn8PzoYkOXNUjB"},
            "timestamp": "2022-02-01T21:25:05.663Z",
        }
    ).encode(),
    attributes={
        "ce-source": "airtable/achAn8PzoYkOXNUjB",
        "ce-time": "2022-02-01T21:25:05.663Z",
        "base_id": "appHUFsHR4pAjprKd",
    },
)
