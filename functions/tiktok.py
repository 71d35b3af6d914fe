"""TikTok for Developers: hex HMAC-SHA256 of `t.body` with the client secret, `TikTok-Signature: t=..,s=..`."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac, pairs

PROVIDER = Provider(
    id="tiktok",
    docs="https://developers.tiktok.com/doc/webhooks-verification",
    summary="HMAC-SHA256 of `t.body` with the client secret, `TikTok-Signature: t=..,s=<hex>`; 300 s",
    # TikTok leaves the age limit to the receiver; ours is the default 5 minutes.
    verify=Hmac(
        header="TikTok-Signature",
        claims=pairs(",", "s", "t"),
        signed="{timestamp}.{body}",
        layout="t={timestamp},s={signature}",
    ),
    event_type=json_field("event"),
    retries=Retries(
        retries=True,
        on="any answer but 200",
        schedule="exponential backoff for up to 72 h, then discarded",
        source="https://developers.tiktok.com/doc/webhooks-overview",
    ),
)
