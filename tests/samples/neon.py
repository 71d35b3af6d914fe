import json

from tests.signers import Exchange, Sample, neon

AUTH_URL = "https://ep-cool-sound-12345678.neonauth.us-east-2.aws.neon.tech/neondb/auth"
EVENT_ID = "550e8400-e29b-41d4-a716-446655440000"


def body(event_type: str, event_id: str = EVENT_ID) -> bytes:
    # neon.com/docs/auth/guides/webhooks, "Payload structure".
    return json.dumps(
        {
            "event_id": event_id,
            "event_type": event_type,
            "timestamp": "2026-02-23T12:00:00.000Z",
            "context": {"endpoint_id": "ep-cool-sound-12345678", "project_name": "My SaaS App"},
            "user": {"id": "a1b2c3d4-e5f6-7890-abcd-ef1234567890", "email": "user@example.com"},
            "event_data": {"auth_provider": "credential", "ip_address": "192.0.2.1", "user_agent": "Mozilla/5.0"},
        }
    ).encode()


SAMPLE = Sample(
    # The secret is the Neon Auth URL whose JWKS holds the signing keys; the test server serves the
    # test key under its path (NEON_CERTS_URL points the fetch at loopback).
    secret=AUTH_URL,
    # No Neon SDK signs webhooks: jwcrypto makes the detached EdDSA JWS the docs describe.
    sign=neon(),
    signature_header="X-Neon-Signature",
    body=body("user.created"),
    headers={"X-Neon-Event-Type": "user.created", "X-Neon-Event-Id": EVENT_ID, "X-Neon-Delivery-Attempt": "1"},
    attributes={
        "event_type": "user.created",
        "delivery_id": EVENT_ID,
        "ce-type": "neon.user.created",
        "ce-time": "2026-02-23T12:00:00.000Z",
    },
    serves_cert=True,
    variants=(
        # Blocking and fail-closed: only `{"allowed": true}` lets the signup through.
        Exchange(
            body=body("user.before_create", "0b6d3c1e-7f2a-4e59-9a8b-1c2d3e4f5a6b"),
            headers={
                "X-Neon-Event-Type": "user.before_create",
                "X-Neon-Event-Id": "0b6d3c1e-7f2a-4e59-9a8b-1c2d3e4f5a6b",
            },
            answer=b'{"allowed":true}',
            answer_headers={"Content-Type": "application/json"},
            attributes={"event_type": "user.before_create", "delivery_id": "0b6d3c1e-7f2a-4e59-9a8b-1c2d3e4f5a6b"},
        ),
    ),
)
