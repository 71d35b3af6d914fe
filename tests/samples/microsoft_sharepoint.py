import json

from tests.signers import Exchange, Sample

SECRET = "A0A354EC-97D4-4D83-9DDB-144077ADB449"  # the client state of SharePoint's own tutorial


def notification(client_state: str | None) -> dict:
    # The example notification of "Overview of SharePoint webhooks".
    item = {
        "subscriptionId": "91779246-afe9-4525-b122-6c199ae89211",
        "expirationDateTime": "2016-04-30T17:27:00.0000000Z",
        "resource": "b9f6f714-9df8-470b-b22e-653855e1c181",
        "tenantId": "00000000-0000-0000-0000-000000000000",
        "siteUrl": "/",
        "webId": "dbc5a806-e4d4-46e5-951c-6344d70b62fa",
    }
    if client_state is not None:
        item["clientState"] = client_state
    return item


def batch(*items: dict) -> bytes:
    return json.dumps({"value": list(items)}).encode()


SAMPLE = Sample(
    secret=SECRET,
    # No signature: the secret travels in each notification's clientState.
    sign=lambda body, now: {},
    signature_header=None,
    signs_body=False,
    body=batch(notification(SECRET)),
    attributes={
        "ce-source": "microsoft_sharepoint/91779246-afe9-4525-b122-6c199ae89211",
        "ce-type": "microsoft_sharepoint",
        "tenant_id": "00000000-0000-0000-0000-000000000000",
        "site_url": "/",
        "list_id": "b9f6f714-9df8-470b-b22e-653855e1c181",
    },
    exchanges=(
        # The validation request as the docs show it: `?validationtoken=`, Content-Length: 0.
        Exchange(
            query="validationtoken=3ccd0d4b-5c6d-4d5c-9f2b-1f7c6a2e8e11",
            signed=False,
            answer=b"3ccd0d4b-5c6d-4d5c-9f2b-1f7c6a2e8e11",
            answer_headers={"Content-Type": "text/plain"},
        ),
    ),
    rejects=(
        Exchange(body=batch(notification(SECRET + "x")), status=401, answer=b"Unauthorized"),
        # A subscription made without a client state cannot be told from anyone else's POST.
        Exchange(body=batch(notification(None)), status=401, answer=b"Unauthorized"),
        # Graph's spelling is not SharePoint's: not a handshake, and no notifications to check.
        Exchange(query="validationToken=abc", signed=False, status=400, answer=b"Bad Request"),
    ),
)
