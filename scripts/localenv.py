"""Load local.env into os.environ without overriding what is already set."""

from __future__ import annotations

import os
from pathlib import Path

LOCAL_ENV = Path(__file__).resolve().parent.parent / "local.env"


def load_local_env() -> None:
    """Set each `NAME=value` of local.env that the environment does not set already."""
    if not LOCAL_ENV.exists():
        return
    for line in LOCAL_ENV.read_text().splitlines():
        name, sep, value = line.partition("=")
        if sep and not line.lstrip().startswith("#"):
            os.environ.setdefault(name.strip(), value.strip())
