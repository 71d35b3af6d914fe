"""The ceiling: a functions-framework function that only reads the body and answers 200."""

from __future__ import annotations

import flask


def bare(request: flask.Request) -> flask.Response:
    """Read the whole body, answer 200 empty."""
    request.get_data()
    return flask.Response(b"", status=200)
