"""The ceilings: functions-framework functions that only read the body and answer 200.

`bare` is a plain (Flask, gunicorn threads) function; `bare_async` is registered with
`functions_framework.aio.http`, so the framework serves it in ASGI mode (uvicorn), the
same server as the project's functions.
"""

from __future__ import annotations

import flask
import functions_framework.aio
from starlette.requests import Request
from starlette.responses import Response


def bare(request: flask.Request) -> flask.Response:
    """Read the whole body, answer 200 empty."""
    request.get_data()
    return flask.Response(b"", status=200)


@functions_framework.aio.http
async def bare_async(request: Request) -> Response:
    """Read the whole body, answer 200 empty."""
    await request.body()
    return Response(b"", status_code=200)
