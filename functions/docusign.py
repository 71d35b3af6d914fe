"""DocuSign Connect: base64 HMAC-SHA256 of the body, one X-DocuSign-Signature-N per active key."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import Hmac

# Connect sends one header per HMAC key configured on the account, numbered from 1;
# any one that verifies is enough. 100 is the most keys Connect allows (hookdeck skill).
HEADERS = tuple(f"X-DocuSign-Signature-{n}" for n in range(1, 101))

PROVIDER = Provider(
    id="docusign",
    docs="https://developers.docusign.com/platform/webhooks/connect/validate/",
    summary="HMAC-SHA256 of the body, `X-DocuSign-Signature-1..N: <b64>`",
    verify=Hmac(header=HEADERS[0], also=HEADERS[1:], encoding="base64"),
    event_type=json_field("event"),
    source=json_field("data.accountId"),
    time=json_field("generatedDateTime"),
    retries=Retries(
        retries=True,
        on="no 2xx ack, only when Require Acknowledgement is on (off: no retry)",
        schedule="retry, then >=24 h between retries, max 10 retries (SDK doc); manual republish API",
        source="https://www.rubydoc.info/gems/docusign_esign/2.1.0/DocuSign_eSign%2FConnectCustomConfiguration",
    ),
)
