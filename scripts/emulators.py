"""The local Firestore emulator made ready: it listens seconds before its first answer is quick.

    python scripts/emulators.py     (FIRESTORE_EMULATOR_HOST, GOOGLE_CLOUD_PROJECT)

Used by scripts/local.sh and the tests: without it the first event's claim waited past its
5 s bound, was written anyway, and held that event unrun for a whole lease.
"""

from __future__ import annotations

import os
import time

import requests


def warm_firestore(host: str, project: str, seconds: float = 60) -> None:
    """One write and one read through the emulator's REST API, retried until they answer."""
    document = f"http://{host}/v1/projects/{project}/databases/(default)/documents/warm-up/doc"
    deadline = time.monotonic() + seconds
    while True:
        try:
            requests.patch(document, json={"fields": {}}, timeout=30).raise_for_status()
            requests.get(document, timeout=30).raise_for_status()
            return
        except requests.RequestException:
            if time.monotonic() > deadline:
                raise RuntimeError(f"the Firestore emulator on {host} did not answer") from None
            time.sleep(0.2)


if __name__ == "__main__":
    warm_firestore(os.environ["FIRESTORE_EMULATOR_HOST"], os.environ["GOOGLE_CLOUD_PROJECT"])
