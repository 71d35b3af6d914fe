import json

from tests.signers import Sample, stdlib_hmac

SECRET = "b5b4d5e6f7a8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192"
REQUEST_ID = "2f3c4b5a69784d1e8f0a1b2c3d4e5f60"
INSTALLATION = "7a485448-a9e2-4c85-8a3c-4f44175783c9"

SAMPLE = Sample(
    secret=SECRET,
    # No Sentry SDK signs: hex HMAC-SHA256 of the body with the client secret, as
    # getsentry/sentry's build_signature computes it.
    sign=stdlib_hmac(SECRET, "Sentry-Hook-Signature"),
    signature_header="Sentry-Hook-Signature",
    body=json.dumps(
        {
            "action": "created",
            "installation": {"uuid": INSTALLATION},
            "data": {"issue": {"id": "1170820242", "title": "Error: boom"}},
            "actor": {"type": "application", "id": "sentry", "name": "Sentry"},
        }
    ).encode(),
    headers={"Sentry-Hook-Resource": "issue", "Sentry-Hook-Timestamp": "1700000000", "Request-ID": REQUEST_ID},
    attributes={
        "event_type": "issue",
        "delivery_id": REQUEST_ID,
        "ce-source": f"sentry/{INSTALLATION}",
        "ce-type": "sentry.issue",
    },
)
