"""equal(): the only constant-time comparison of secrets, tokens and signatures."""

from __future__ import annotations

import hmac


def equal(a: bytes, b: bytes) -> bool:
    """Compare two byte strings in time independent of where they differ."""
    return hmac.compare_digest(a, b)
