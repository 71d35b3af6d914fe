"""The handler bench/consume.py measures `consume` with: it returns at once, so the numbers are consume's own."""

from shared.consume import Event, on


@on("bench")
def nothing(event: Event) -> None:
    """Touch the body (as any handler would) and return."""
    assert event.body
