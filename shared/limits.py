"""The bound on a request body: MAX_BODY_BYTES and its default.

Apart from the server layer (shared/pipeline.py) so a provider's declaration can read it
(Airship bounds the gunzipped body by it) without importing starlette: planning a deploy
loads every declaration with nothing but the standard library (issue 16).
"""

from __future__ import annotations

import os

from shared.bodies import bucket
from shared.errors import NotConfigured

# Pub/Sub takes at most 10,000,000 bytes per publish request; leave room for the
# attributes (at most a dozen, each clipped to 1 KiB) and the request framing.
DEFAULT_MAX_BODY_BYTES = 9_900_000

# With BODY_BUCKET set, bodies past a message go to Cloud Storage (issue 14) and the bound
# is Cloud Run's: 32 MiB a request, headers included; 64 KiB is left for them.
STORED_MAX_BODY_BYTES = 32 * 1024 * 1024 - 64 * 1024


def max_body_bytes() -> int:
    """MAX_BODY_BYTES, or just under Pub/Sub's request limit (Cloud Run's with BODY_BUCKET)."""
    value = os.environ.get("MAX_BODY_BYTES", "").strip()
    try:
        if value:
            return int(value)
        return STORED_MAX_BODY_BYTES if bucket() else DEFAULT_MAX_BODY_BYTES
    except ValueError:
        raise NotConfigured("MAX_BODY_BYTES") from None
