"""A handler for tests/test_replay.py's end-to-end case, loaded by `consume` through CONSUME_HANDLERS.

It fails while the file REPLAY_TEST_BROKEN exists (the bug), and appends one line per run
to REPLAY_TEST_RECORD, so the test counts runs and sees which failed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from shared.consume import Event, on


@on("gitlab", "*")
def gitlab_any(event: Event) -> None:
    broken = Path(os.environ["REPLAY_TEST_BROKEN"]).exists()
    line = json.dumps({"id": event.id, "failed": broken, "redriven": event.attributes.get("redriven")}) + "\n"
    descriptor = os.open(os.environ["REPLAY_TEST_RECORD"], os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    try:
        os.write(descriptor, line.encode())
    finally:
        os.close(descriptor)
    if broken:
        raise RuntimeError("the handler's bug")
