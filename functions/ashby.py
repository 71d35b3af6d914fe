"""Ashby: HMAC-SHA256 of the raw body, hex, `sha256=` prefix, in Ashby-Signature."""

from __future__ import annotations

from shared.provider import Provider, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="ashby",
    docs="https://developers.ashbyhq.com/docs/authenticating-webhooks",
    summary="HMAC-SHA256 of the body, `Ashby-Signature: sha256=<hex>`",
    verify=Hmac(header="Ashby-Signature", prefix="sha256="),
    # Every payload is `{"action": "<event>", "data": {...}}`; Ashby documents no delivery id.
    event_type=json_field("action"),
)
