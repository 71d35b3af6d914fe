"""Ashby: HMAC-SHA256 of the raw body, hex, `sha256=` prefix, in Ashby-Signature."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac

PROVIDER = Provider(
    id="ashby",
    docs="https://developers.ashbyhq.com/docs/authenticating-webhooks",
    summary="HMAC-SHA256 of the body, `Ashby-Signature: sha256=<hex>`",
    verify=Hmac(header="Ashby-Signature", prefix="sha256="),
    # Every payload is `{"action": "<event>", "data": {...}}`; Ashby documents no delivery id.
    event_type=json_field("action"),
    retries=Retries(
        retries=True,
        on="non-2xx or timeout, except 401/403/404/405/410",
        schedule="exponential (2^n-1)x10 s, max 10 attempts",
        disables="unknown (a failed ping at creation leaves it disabled)",
        source="https://developers.ashbyhq.com/docs/retries",
    ),
)
