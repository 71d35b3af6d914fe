"""SharePoint list webhooks: Microsoft Graph's shape without its details. No signature: each
notification's `clientState` is the shared secret; the `validationtoken` echo; 200 within 5 s."""

from __future__ import annotations

from functions.msgraph import first, validation, verify
from shared.provider import Provider, Retries

PROVIDER = Provider(
    id="microsoft_sharepoint",
    docs="https://learn.microsoft.com/sharepoint/dev/apis/webhooks/overview-sharepoint-webhooks",
    summary="`clientState` of every notification equals the secret (no signature); "
    "`?validationtoken=` echoed; notifications carry no change type",
    # The same check as msgraph: clientState is optional on a SharePoint subscription, but it is
    # the only thing a receiver can check, so a subscription for this function must set it.
    verify=verify,
    # SharePoint says only that a list changed (the receiver calls GetChanges): no event type.
    source=first("subscriptionId"),
    challenge=validation("validationtoken"),
    attributes={"tenant_id": first("tenantId"), "site_url": first("siteUrl"), "list_id": first("resource")},
    # "returns the validation string within 5 seconds", "replies with an HTTP 200 message in
    # under 5 seconds" (SharePoint webhooks reference implementation).
    timeout=5,
    retries=Retries(
        retries=True,
        on="non-2xx or timeout",
        schedule="up to 5 retries, 5 min apart",
        disables="unknown (subscriptions expire, max 180 days)",
        source="https://learn.microsoft.com/sharepoint/dev/apis/webhooks/overview-sharepoint-webhooks",
    ),
)
