"""ngrok's verify-webhook providers and Hookdeck's source types, and what became of each here.

Every name on either list is served by a function of the same id, served by another one
(`SERVED_AS`), or left out with the reason (`LEFT_OUT`); tests/test_registry.py checks that
nothing is unaccounted for and that README's coverage block is `block()`'s output.
"""

from __future__ import annotations

NGROK = (
    "aftership airship alchemy sns autodesk bitbucket bolt box brex buildkite calendly castle chargify circleci "
    "clearbit clerk coinbase contentful docusign dropbox facebook_graph_api facebook_messenger frameio github gitlab "
    "go1 heroku hostedhooks hubspot graphcms instagram intercom jira launch_darkly linear mailchimp mailgun "
    "microsoft_teams modern_treasury mongodb mux orb orbit pagerduty pinwheel plivo pusher sendgrid sentry shopify "
    "signal_sciences slack sonatype square stripe svix terraform tiktok trendmicro_conformity twilio twitter "
    "typeform vmware webex whatsapp worldline xero zendesk zoom"
).split()
"""ngrok's `verification.provider` identifiers (69)."""

HOOKDECK = (
    "AIPRISE DOCUSIGN INTERCOM SANITY BIGCOMMERCE OPENAI POLAR BRIDGE_XYZ BRIDGE_API CHARGEBEE_BILLING CLOUDSIGNAL "
    "COINBASE COURIER CURSOR MERAKI FIREBLOCKS FRONTAPP ZOOM TWITTER RECHARGE RECURLY RING_CENTRAL STRIPE "
    "PROPERTY-FINDER QUOTER SHOPIFY TWILIO GITHUB POSTMARK TALLY TYPEFORM PICQER XERO SVIX RESEND ADYEN AKENEO "
    "GITLAB WOOCOMMERCE OKTA OURA COMMERCELAYER HUBSPOT MAILGUN PERSONA PIPEDRIVE SENDGRID WORKOS SYNCTERA AWS_SNS "
    "THREE_D_EYE TWITCH ENODE FAUNDIT FAVRO LINEAR SHOPLINE WIX NMI ORB PYLON RAZORPAY REPAY SQUARE SOLIDGATE "
    "TRELLO EBAY TELNYX DISCORD TOKENIO FISERV FUSIONAUTH BONDSMITH VERCEL_LOG_DRAINS VERCEL TEBEX SLACK SMARTCAR "
    "MAILCHIMP NUVEMSHOP PADDLE PAYPAL PORTAL TREEZOR PRAXIS CUSTOMERIO EXACT_ONLINE FACEBOOK WHATSAPP REPLICATE "
    "TIKTOK TIKTOK_SHOP AIRWALLEX ASCEND ALIPAY ZENDESK UPOLLO SMILE NYLAS CLIO GOCARDLESS LINKEDIN LITHIC STRAVA "
    "UTILA MONDAY ZEROHASH ZIFT ETHOCA AIRTABLE ASANA FASTSPRING PAYPRO_GLOBAL USPS FLEXPORT CIRCLE "
    # Only in a newer third-party copy of Hookdeck's schema (api-evangelist/hookdeck, 2026-08):
    "ALCHEMY ASHBY CHAINDOTS CLAUDE FIREFLIES GEMINI GREENDOT MICROSOFT_GRAPH MICROSOFT_SHAREPOINT NEON PAYMOB "
    "PAYSTACK REVOLUT SCRAPFLY SHIPBOB SHIPHERO UBER WALMART WECHAT"
).split()
"""Hookdeck's provider source types: 116 in its Admin API's OpenAPI (2025-07-01), 19 more in a
newer third-party copy."""

SERVED_AS = {
    "sns": "aws_sns",
    "facebook": "meta",
    "facebook_graph_api": "meta",
    "facebook_messenger": "meta",
    "instagram": "meta",
    "whatsapp": "meta",
    "launch_darkly": "launchdarkly",
    "chargebee_billing": "chargebee",
    "mailchimp": "mandrill",
    "microsoft_graph": "msgraph",
    "graphcms": "hygraph",  # Hygraph, formerly GraphCMS; its header is still gcms-signature
}
"""A list name (lower case, `-` as `_`) served by a function of another id."""

LEFT_OUT = {
    "brex": "Brex's page is cut off before its signing recipe; the rest only in third-party code",
    "recharge": "Recharge's validation page is not stored; both schemes described by third parties only",
    "ebay": "notifications need an OAuth call to fetch eBay's key; not confirmable offline",
    "flexport": "docs name the HMAC and headers, but the encoding/prefix sample is not in any stored copy",
    "pylon": "two companies named Pylon with different schemes; which one Hookdeck means is unclear",
    "nmi": "several products share the name; no one scheme confirmable",
    "clio": "Clio's guide is stored without its signing section; header and hex only from third parties",
    "favro": "signs body fields and the hook URL; only an unofficial gist describes it",
    "greendot": "no scheme documented",
    "chaindots": "no public documentation of its webhooks found",
    "strava": "unsigned: events carry no signature; only the subscription's GET challenge has a token",
    "circle": "the public key is fetched per notification from an authenticated API",
    "fiserv": "IPG's notification_hash formula and encoding only in a third-party quote of support",
    "repay": "no public documentation of its webhooks found",
    "bondsmith": "no public documentation of its webhooks found",
    "portal": "which Portal is unclear; Swagger Portal's signed hook must answer with a token",
    "zift": "unsigned: notifications carry no signature; acknowledged by echoing notificationId",
    "ethoca": "unsigned: the Alerts Push API relies on mutual TLS only, which Cloud Run cannot see",
    "three_d_eye": "no public documentation of its webhooks found",
    "property_finder": "X-Signature HMAC only in third-party integrations; no Property Finder doc",
    "smile": "Hookdeck's Smile is getsmileapi.com; its docs' signature section is in no stored copy",
    "upollo": "docs give neither the signature's encoding nor the header's separator, nor whether `t` is signed",
    "usps": "the Subscriptions-Tracking signature is described only by third parties; no USPS source found",
    "tokenio": "Token.io's own code verifies key-sorted JSON with Token.io's key; the raw-body reading is third-party",
}
"""A list name no function serves, and why: unsigned, or not confirmable from a public source."""


def key(name: str) -> str:
    """A list name as a function id would spell it."""
    return name.lower().replace("-", "_")


def served_by(name: str, ids: tuple[str, ...]) -> str | None:
    """The function serving a list name, if any."""
    name = key(name)
    if name in SERVED_AS:
        return SERVED_AS[name]
    return name if name in ids else None


def block(ids: tuple[str, ...]) -> str:
    """README's coverage block: counts, the names served under another id, the ones left out."""
    names = sorted({key(n) for n in (*NGROK, *HOOKDECK)})
    served = [n for n in names if served_by(n, ids)]
    ngrok = sum(1 for n in NGROK if served_by(n, ids))
    hookdeck = sum(1 for n in HOOKDECK if served_by(n, ids))
    lines = [
        f"Served: {ngrok} of ngrok's {len(NGROK)} providers, {hookdeck} of Hookdeck's {len(HOOKDECK)} source types "
        f"({len(served)} of {len(names)} distinct names); {len(ids)} functions in all.",
        "",
        "Served under another id: "
        + ", ".join(f"`{n}` by `{SERVED_AS[n]}`" for n in sorted(SERVED_AS) if n in names)
        + ".",
        "",
        "| left out | why |",
        "|---|---|",
        *(f"| `{n}` | {LEFT_OUT[n]} |" for n in sorted(LEFT_OUT)),
    ]
    return "\n".join(lines)
