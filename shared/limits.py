"""The bound on a request body: MAX_BODY_BYTES and its default.

Apart from the server layer (shared/pipeline.py) so a provider's declaration can read it
(Airship bounds the gunzipped body by it) without importing starlette: planning a deploy
loads every declaration with nothing but the standard library (issue 16).
"""

from __future__ import annotations

import os

from shared.errors import NotConfigured

# Pub/Sub takes at most 10,000,000 bytes per publish request; leave room for the
# attributes (at most a dozen, each clipped to 1 KiB) and the request framing.
DEFAULT_MAX_BODY_BYTES = 9_900_000


def max_body_bytes() -> int:
    """MAX_BODY_BYTES, or just under Pub/Sub's request limit."""
    value = os.environ.get("MAX_BODY_BYTES", "").strip()
    try:
        return int(value) if value else DEFAULT_MAX_BODY_BYTES
    except ValueError:
        raise NotConfigured("MAX_BODY_BYTES") from None
