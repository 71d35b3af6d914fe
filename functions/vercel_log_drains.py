"""Vercel Drains (log drains): HMAC-SHA1 of the raw body, hex, in x-vercel-signature; the
`x-vercel-verify` ownership header on every answer when VERCEL_LOG_DRAINS_VERIFY is set."""

from __future__ import annotations

from shared.provider import Provider, Retries, header
from shared.schemes import Hmac, Inflated

PROVIDER = Provider(
    id="vercel_log_drains",
    docs="https://vercel.com/docs/drains/security",
    summary="HMAC-SHA1 of the body, `x-vercel-signature: <hex>`; JSON or NDJSON batches; `x-vercel-verify` answered",
    # A drain set to `compression: gzip` sends a gzip body; Vercel does not say whether it signs
    # the bytes before or after compressing, so either verifies (both need the secret).
    verify=Inflated(verify=Hmac(header="x-vercel-signature", algorithm="sha1"), either=True),
    attributes={"content-encoding": header("Content-Encoding")},
    # A batch of log entries, a JSON array or NDJSON (one entry a line): nothing is read from it,
    # so either format is published byte for byte; the entries carry their own ids and times.
    retries=Retries(
        retries=None,
        schedule="unknown (docs read are silent)",
        source="https://vercel.com/docs/drains",
    ),
    # Vercel checks a drain's endpoint by looking for its verification code in `x-vercel-verify`
    # on the answer; it is sent on every answer (refusals too), since which request Vercel's check
    # sends (signed, unsigned, POST or GET) is not documented.
    answer_headers={"x-vercel-verify": "VERIFY"},
    variables=("VERCEL_LOG_DRAINS_VERIFY",),
)
