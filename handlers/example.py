"""An example handler: one log line per event, and nothing else. Replace it with your own."""

from __future__ import annotations

import json

from shared.consume import Event, on


@on("*")
def log_event(event: Event) -> None:
    """Print one JSON line naming the event (never its body)."""
    line = {
        "severity": "INFO",
        "message": f"event {event.provider} {event.type or '-'} {event.id}",
        "source": event.source,
        "time": event.time.isoformat() if event.time else None,
    }
    print(json.dumps(line), flush=True)
