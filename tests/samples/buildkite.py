import json

from tests.signers import Exchange, Sample, documented

SECRET = "309c9c842g8565adecpd7469x6005989"

SAMPLE = Sample(
    secret=SECRET,
    # No Buildkite SDK signs: hex HMAC-SHA256 of "#{timestamp}.#{body}" with the token (Buildkite docs, Ruby).
    sign=documented(
        SECRET,
        lambda signature, now: {"X-Buildkite-Signature": f"timestamp={now},signature={signature}"},
        message=lambda body, now: f"{now}.".encode() + body,
    ),
    signature_header="X-Buildkite-Signature",
    body=json.dumps(
        {
            "event": "build.finished",
            "build": {"id": "f62a1b4d-10f9-4790-bc1c-e2c3a0c80983", "number": 42, "state": "passed"},
            "pipeline": {"slug": "my-pipeline"},
            "sender": {"id": "8a7693f8-dbae-4783-9137-84090fce9045", "name": "Some Person"},
        }
    ).encode(),
    headers={"X-Buildkite-Event": "build.finished"},
    json=False,  # nothing is read from the body
    attributes={"event_type": "build.finished", "ce-type": "buildkite.build.finished"},
    variants=(
        # A webhook whose Token setting sends the token in clear instead of a signature.
        Exchange(
            body=json.dumps({"event": "ping", "service": {"provider": "webhook"}}).encode(),
            headers={"X-Buildkite-Signature": "", "X-Buildkite-Token": SECRET, "X-Buildkite-Event": "ping"},
            attributes={"event_type": "ping"},
        ),
    ),
    rejects=(
        Exchange(
            body=b'{"event": "ping"}',
            headers={"X-Buildkite-Token": SECRET + "x", "X-Buildkite-Event": "ping"},
            signed=False,
            status=401,
            answer=b"Unauthorized",
        ),
    ),
)
