"""Event: one consumed message as a handler sees it (provider, type, ids, time, attributes, body)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from shared.envelope import Pushed


def _time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        # RFC 3339; Python 3.11's fromisoformat takes the `Z` and any fraction length.
        return datetime.fromisoformat(value)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """One event, built from a pushed message's CloudEvents attributes (README, The Pub/Sub message).

    Where a message lacks them (published by something else than this project's functions),
    `provider` and `type` are empty, `id` is the Pub/Sub message id and `source` the subscription.
    """

    provider: str
    type: str
    id: str
    source: str
    time: datetime | None
    attributes: Mapping[str, str]
    message_id: str
    attempt: int | None = None  # Pub/Sub's delivery attempt, where the subscription dead-letters
    _data: bytes = field(default=b"", repr=False)
    _body: list[bytes] = field(default_factory=list, repr=False)

    @classmethod
    def from_push(cls, message: Pushed) -> Event:
        """The Event for one pushed message."""
        a = message.attributes
        source = a.get("ce-source", "")
        provider = a.get("provider") or source.split("/", 1)[0]
        event_type = a.get("event_type") or ""
        ce_type = a.get("ce-type", "")
        if not event_type and provider and ce_type.startswith(f"{provider}."):
            event_type = ce_type[len(provider) + 1 :]
        return cls(
            provider=provider,
            type=event_type,
            id=a.get("ce-id") or message.message_id,
            source=source or message.subscription,
            time=_time(a.get("ce-time")) or _time(message.publish_time),
            attributes=dict(a),
            message_id=message.message_id,
            attempt=message.attempt,
            _data=message.data,
        )

    @property
    def key(self) -> tuple[str, str]:
        """What deduplication is keyed on: (`ce-source`, `ce-id`), else the subscription and message id."""
        if self.attributes.get("ce-source") and self.attributes.get("ce-id"):
            return self.attributes["ce-source"], self.attributes["ce-id"]
        # Not a message of ours: only Pub/Sub's own redeliveries of it are recognised.
        return f"pubsub:{self.source}", self.message_id

    @property
    def body(self) -> bytes:
        """The delivery's body, byte for byte; read from Cloud Storage when the message holds a `body-uri`."""
        if not self._body:
            uri = self.attributes.get("body-uri")
            if uri:
                # Claim check (contract section 6): imported here, so no other event pays for it.
                from shared import bodies

                self._body.append(bodies.fetch(uri, self.attributes.get("body-sha256", "")))
            else:
                self._body.append(self._data)
        return self._body[0]

    def json(self) -> Any:
        """The body parsed as JSON."""
        return json.loads(self.body)

    def text(self) -> str:
        """The body decoded as text: the charset of `content-type`, else UTF-8."""
        content_type = self.attributes.get("content-type", "")
        charset = "utf-8"
        for part in content_type.split(";")[1:]:
            name, _, value = part.strip().partition("=")
            if name.lower() == "charset" and value:
                charset = value.strip('"')
        try:
            return self.body.decode(charset)
        except LookupError:
            return self.body.decode("utf-8")
