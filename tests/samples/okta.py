import json

from tests.signers import Exchange, Sample, token

SECRET = "okta-hook-authorization-9a3f"

SAMPLE = Sample(
    secret=SECRET,
    sign=token("Authorization", SECRET),
    signature_header="Authorization",
    body=json.dumps(
        {
            "eventType": "com.okta.event_hook",
            "eventTypeVersion": "1.0",
            "cloudEventsVersion": "0.1",
            "source": "https://example.okta.com/api/v1/eventHooks/whoql0HfiLGPWc8Jx0g3",
            "eventId": "b5a188b9-5ece-4636-b041-482ffda96311",
            "eventTime": "2026-11-28T17:00:00.000Z",
            "contentType": "application/json",
            "data": {"events": [{"uuid": "5d8d3f06-1f5e-11ec-a64e-0d9b2c1b6a51", "eventType": "user.session.start"}]},
        }
    ).encode(),
    attributes={
        "event_type": "com.okta.event_hook",
        "delivery_id": "b5a188b9-5ece-4636-b041-482ffda96311",
    },
    signs_body=False,
    exchanges=(
        # The one-time verification: Okta sends the Authorization header with it.
        Exchange(
            method="GET",
            headers={"X-Okta-Verification-Challenge": "ct9Uf9dcCg3EcSHPgrS8l6YOPWv4ZZ3z"},
            answer=b'{"verification": "ct9Uf9dcCg3EcSHPgrS8l6YOPWv4ZZ3z"}',
            answer_headers={"Content-Type": "application/json"},
        ),
    ),
)
