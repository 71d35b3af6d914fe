"""Consuming events: handlers registered with `on`, each run once per event (contract section 7).

    from shared.consume import Event, on

    @on("stripe", "invoice.*")
    def bill(event: Event) -> None: ...

`registry` owns registration and matching, `event` the Event a handler receives, `dedup`
the Firestore record that makes a handler run once, `push` the `consume` entry point.
"""

from __future__ import annotations

from shared.consume.event import Event
from shared.consume.registry import on

__all__ = ["Event", "on"]
