"""The registry: one module per provider in this package, each holding `PROVIDER`.

A provider's module is imported only when it is asked for, so a function deployed for
one provider imports nothing of the others (cold start). `PROVIDERS` loads them all.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from shared.provider import Provider


@cache
def names() -> tuple[str, ...]:
    """Every provider id: the modules of this package, sorted."""
    return tuple(sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")))


@cache
def load(name: str) -> Provider:
    """One provider's declaration, importing only its module."""
    if name not in names():
        raise KeyError(name)
    return importlib.import_module(f"{__name__}.{name}").PROVIDER


def __getattr__(name: str) -> dict[str, Provider]:
    if name == "PROVIDERS":
        return {provider_id: load(provider_id) for provider_id in names()}
    raise AttributeError(name)
