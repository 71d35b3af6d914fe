"""The one structured JSON log line per request, in the shape Cloud Logging reads."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, fields

SEVERITY = "severity"
MESSAGE = "message"
TRACE = "logging.googleapis.com/trace"


@dataclass(slots=True)
class Outcome:
    """What happened to one request: only allowlisted facts, never input bytes."""

    provider: str
    # published | handshake | rejected | oversize | unavailable | disconnected | error; consume: handled |
    # unmatched | duplicate | in_progress | failed
    outcome: str = "rejected"
    reason: str | None = None
    status: int = 500
    # On a 5xx: whether the provider sends it again (yes | no | unknown); for `no` the outcome
    # is `lost` (issue 16.5).
    retries: str | None = None
    event_type: str | None = None
    delivery_id: str | None = None
    variable: str | None = None
    message_id: str | None = None
    body_bytes: int = 0
    declared_bytes: int | None = None  # Content-Length, logged for an oversize delivery
    max_body_bytes: int | None = None  # the bound it went over
    # consume only (README, Consuming events): the event's ce-source, Pub/Sub's delivery
    # attempt, handlers run, the failed handlers' exception types and lines, Firestore writes.
    source: str | None = None
    attempt: int | None = None
    handlers: int | None = None
    error: str | None = None
    writes: int | None = None
    body_uri: str | None = None  # where a body too large for a message was stored (issue 14)
    latency_ms: float = 0.0


# The field names once: dataclasses.asdict deep-copies each value and was a third of the
# cost of a log line (py-spy, README Performance).
_FIELDS = tuple(f.name for f in fields(Outcome))


def trace(header: str | None, project: str | None) -> str | None:
    """`projects/P/traces/T` from `X-Cloud-Trace-Context: T/S;o=1`."""
    if not header or not project:
        return None
    trace_id = header.split("/", 1)[0].strip()
    if not trace_id or not trace_id.isalnum() or len(trace_id) > 64:
        return None
    return f"projects/{project}/traces/{trace_id}"


def line(outcome: Outcome, trace_path: str | None = None) -> str:
    """The JSON line for one request."""
    record = {
        # An oversize delivery is refused on every retry, a lost one is never sent again:
        # nothing will publish either without an operator, so each is an ERROR like a bug
        # of ours (README, Logs; docs/reliability.md, Faults and load).
        SEVERITY: "ERROR"
        # So is a handler that raised: its event is on its way to the dead-letter topic.
        if outcome.outcome in ("oversize", "lost", "failed") or (outcome.status >= 500 and outcome.outcome == "error")
        else "WARNING"
        if outcome.status >= 500
        else "INFO",
        MESSAGE: f"{outcome.provider} {outcome.status} {outcome.outcome}"
        + (f" {outcome.reason}" if outcome.reason else ""),
        **{k: v for k in _FIELDS if (v := getattr(outcome, k)) is not None},
    }
    if trace_path:
        record[TRACE] = trace_path
    return json.dumps(record, separators=(",", ":"))


def emit(outcome: Outcome, trace_path: str | None = None) -> None:
    """Write the line to stdout, where Cloud Run's logging agent reads it."""
    sys.stdout.write(line(outcome, trace_path) + "\n")
    sys.stdout.flush()
