"""BigCommerce: webhooks are not signed; a secret custom header set when the hook is created
(`headers` in the Create a webhook call) is checked, named by `BIGCOMMERCE_HEADER`."""

from __future__ import annotations

from shared.provider import Provider, Retries, json_field
from shared.schemes import NamedToken

PROVIDER = Provider(
    id="bigcommerce",
    docs="https://developer-beta.bigcommerce.com/docs/integrations/webhooks/http",
    summary="A secret custom header given when the hook was created, named by `BIGCOMMERCE_HEADER`",
    # BigCommerce signs nothing: it "enables developers to add their own headers to events for
    # additional security". The body's `hash` is a SHA-1 of the payload, not a signature.
    verify=NamedToken(default="X-Webhook-Secret"),
    event_type=json_field("scope"),
    # "If a hook fires twice for the same event, both request bodies rely on the same hash."
    delivery_id=json_field("hash"),
    source=json_field("producer"),
    # BigCommerce documents no response deadline here: 10 s is a guess.
    timeout=10,
    variables=("BIGCOMMERCE_HEADER",),
    retries=Retries(
        retries=True,
        on="no answer or non-2xx",
        schedule="unknown (retry section of the page not read)",
        disables="unknown (subscriptions deactivated after 90 days of inactivity)",
        source="https://developer.bigcommerce.com/docs/integrations/webhooks",
    ),
)
