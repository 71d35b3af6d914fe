"""Handler registration (`@on(provider, pattern)`) and matching an event to its handlers."""

from __future__ import annotations

import importlib
import inspect
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from shared.consume.event import Event

Handler = Callable[["Event"], object]

# The modules that register handlers, comma-separated; `handlers` imports its own list.
DEFAULT_MODULES = "handlers"


@dataclass(frozen=True, slots=True, kw_only=True)
class Registration:
    """One handler: the provider and event-type patterns it answers to."""

    provider: str
    pattern: str
    function: Handler
    name: str  # module.qualname: what the dedup record lists as done


_registered: dict[str, Registration] = {}
_loaded: set[str] = set()
_lock = threading.Lock()


def on(provider: str, pattern: str = "*") -> Callable[[Handler], Handler]:
    """Register a plain function for `provider`'s events whose type matches `pattern` (fnmatch).

    `provider` is a provider id (`stripe`), or a pattern too (`*`: every provider).
    """
    if not isinstance(provider, str) or not provider or not isinstance(pattern, str) or not pattern:
        raise TypeError("on(provider, pattern): two non-empty strings")

    def register(function: Handler) -> Handler:
        if inspect.iscoroutinefunction(function) or not callable(function):
            # An async def would return a coroutine nobody awaits: a handler that silently never runs.
            raise TypeError(f"{function!r}: a handler is a plain function taking an Event")
        name = f"{function.__module__}.{function.__qualname__}"
        _registered[name] = Registration(provider=provider, pattern=pattern, function=function, name=name)
        return function

    return register


def modules() -> list[str]:
    """CONSUME_HANDLERS: the modules to import for their registrations."""
    value = os.environ.get("CONSUME_HANDLERS", "").strip() or DEFAULT_MODULES
    return [item.strip() for item in value.split(",") if item.strip()]


def load() -> None:
    """Import every module of CONSUME_HANDLERS once; an import error propagates (and is retried next time)."""
    wanted = modules()
    if all(name in _loaded for name in wanted):
        return
    with _lock:
        for name in wanted:
            if name not in _loaded:
                importlib.import_module(name)
                _loaded.add(name)


def registrations() -> list[Registration]:
    """Every registered handler, in registration order."""
    return list(_registered.values())


def matching(provider: str, event_type: str) -> list[Registration]:
    """The handlers for one event, in registration order."""
    return [r for r in _registered.values() if fnmatchcase(provider, r.provider) and fnmatchcase(event_type, r.pattern)]


def providers(known: tuple[str, ...]) -> list[str]:
    """The providers among `known` that some handler names (a pattern may name several)."""
    return [p for p in known if any(fnmatchcase(p, r.provider) for r in _registered.values())]
