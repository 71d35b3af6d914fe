"""Persona: hex HMAC-SHA256 of `t.body`, `Persona-Signature: t=<unix>,v1=<hex>`."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Claim, Hmac, pairs

_GROUP = pairs(",", "v1", "t")


def persona_claims(value: str) -> Claim:
    """One `t=..,v1=..` group, or several separated by spaces while a secret rotates."""
    groups = [_GROUP(group) for group in value.split()]
    return Claim(
        signatures=tuple(sig for group in groups for sig in group.signatures),
        timestamp=next((g.timestamp for g in groups if g.timestamp is not None), None),
    )


PROVIDER = Provider(
    id="persona",
    docs="https://docs.withpersona.com/v2022-09-01/docs/best-practices",
    summary="HMAC-SHA256 of `t.body`, `Persona-Signature: t=..,v1=<hex>`; 300 s",
    verify=Hmac(
        header="Persona-Signature",
        claims=persona_claims,
        signed="{timestamp}.{body}",
        layout="t={timestamp},v1={signature}",
        # Persona states no window: the contract's default of 5 minutes.
        tolerance=300,
    ),
    event_type=json_field("data.attributes.name"),
    delivery_id=json_field("data.id"),
    # Persona documents no response deadline: 10 s is a guess.
    timeout=10,
    retries=Retries(
        retries=True,
        on="failed delivery (codes not stated)",
        schedule="exponential, up to 5 attempts: 0, 3, 18, 83, 258 s (~6 min)",
        source="https://docs.withpersona.com/docs/best-practices",
    ),
)
