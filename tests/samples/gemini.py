import json

from tests.signers import Exchange, Sample, svix

SECRET = "whsec_Z2VtaW5pLXRlc3Qtd2ViaG9vay1zaWduaW5nLWtleQ=="
MSG_ID = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"

SAMPLE = Sample(
    secret=SECRET,
    # Gemini's static webhooks send Standard Webhooks headers (`webhook-*`); Svix's signer writes
    # them under that prefix.
    sign=svix(SECRET, MSG_ID, prefix="webhook"),
    signature_header="webhook-signature",
    body=json.dumps(
        {
            "type": "batch.succeeded",
            "version": "v1",
            "timestamp": "2026-05-04T12:00:00Z",
            "data": {"id": "batches/123456", "output_file_uri": "files/batch-123456-output"},
        }
    ).encode(),
    attributes={"event_type": "batch.succeeded", "delivery_id": MSG_ID, "ce-type": "gemini.batch.succeeded"},
    rejects=(
        # A dynamic webhook's RS256 JWT in place of `v1,<sig>` entries: not verified here, so refused.
        Exchange(
            body=b'{"type": "batch.succeeded"}',
            headers={
                "webhook-id": MSG_ID,
                "webhook-timestamp": "1777896000",
                "webhook-signature": "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJpc3MiOiJnZW1pbmkifQ.c2ln",
            },
            signed=False,
            status=401,
            answer=b"Unauthorized",
        ),
    ),
)
