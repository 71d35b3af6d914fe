"""Entry points: one HTTP function per provider (its module's id), and `webhooks`, routed by path.

functions-framework looks the target up by name; each is built on first use, so a
function deployed as `github` imports only functions/github.py.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import flask

import functions
from shared import pipeline


@cache
def __getattr__(name: str) -> Callable[[flask.Request], flask.Response]:
    if name == "webhooks":
        return pipeline.router(functions.PROVIDERS)
    if name in functions.names():
        return pipeline.entry_point(functions.load(name))
    raise AttributeError(name)


def __dir__() -> list[str]:
    return [*functions.names(), "webhooks"]
