"""Delivery: one request, read once (method, headers, raw body, public URL, time)."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

from shared.errors import BadRequest


@dataclass(slots=True, kw_only=True)
class Delivery:
    """The request as the provider sent it; the body is never decoded in place."""

    provider: str
    method: str
    path: str
    headers: Mapping[str, str]
    body: bytes
    query: Mapping[str, str] = field(default_factory=dict)
    query_string: bytes = b""
    scheme: str = "https"
    host: str = ""
    received_at: float = field(default_factory=time.time)
    _json: Any = field(default=None, repr=False)
    _form: dict[str, str] | None = field(default=None, repr=False)

    def header(self, name: str) -> str | None:
        """The first value of a header, or None; names match case-insensitively."""
        value = self.headers.get(name)
        return value if value else None

    def json(self) -> Any:
        """The body parsed as JSON, once; a body that is not JSON is a 400."""
        if self._json is None:
            try:
                self._json = json.loads(self.body)
            except (ValueError, RecursionError):
                raise BadRequest("bad_json") from None
        return self._json

    def form(self) -> dict[str, str]:
        """The body parsed as application/x-www-form-urlencoded (first value of each)."""
        if self._form is None:
            try:
                pairs = parse_qs(self.body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
            except ValueError:
                raise BadRequest("bad_form") from None
            self._form = {key: values[0] for key, values in pairs.items()}
        return self._form

    def is_form(self) -> bool:
        """Whether the sender declared a form-encoded body."""
        content_type = self.header("Content-Type") or ""
        return content_type.split(";")[0].strip().lower() == "application/x-www-form-urlencoded"

    @property
    def path_query(self) -> str:
        """The path and, when there is one, `?` and the query string as received (Walmart)."""
        if self.query_string:
            return f"{self.path}?{self.query_string.decode('latin-1')}"
        return self.path

    @property
    def url(self) -> str:
        """The URL the provider called: `<ID>_PUBLIC_URL`, else rebuilt from forwarding headers."""
        base = os.environ.get(f"{self.provider.upper()}_PUBLIC_URL", "").strip()
        if not base:
            # Behind Cloud Run's front end the request reaches us as plain http on an
            # internal host; X-Forwarded-Proto says what the caller used.
            proto = (self.header("X-Forwarded-Proto") or self.scheme).split(",")[0].strip()
            host = (self.header("X-Forwarded-Host") or self.host).split(",")[0].strip()
            base = f"{proto}://{host}{self.path}"
        if self.query_string:
            return f"{base}?{self.query_string.decode('latin-1')}"
        return base
