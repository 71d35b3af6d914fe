"""Microsoft Teams outgoing webhooks: `Authorization: HMAC <base64>`, HMAC-SHA256 of the body keyed
with the base64-decoded security token; the answer is a message the channel shows as the reply."""

from __future__ import annotations

from shared.provider import Answer, Provider, Retries, json_field
from shared.schemes import Hmac, base64_key

# Teams shows the answer in the thread: a Bot Framework message activity. The work itself
# happens downstream, so the reply only says the message was taken.
RECEIVED = Answer(body=b'{"type":"message","text":"Received."}', content_type="application/json")

PROVIDER = Provider(
    id="microsoft_teams",
    docs="https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-outgoing-webhook",
    summary="HMAC-SHA256 of the body, `Authorization: HMAC <base64>`; key: the base64 security token",
    # OfficeDev/msteams-samples-outgoing-webhook-nodejs: the security token is base64-decoded to
    # the key, the header is `HMAC ` + the base64 digest. No timestamp is signed.
    verify=Hmac(header="Authorization", prefix="HMAC ", encoding="base64", key=base64_key),
    event_type=json_field("type"),
    delivery_id=json_field("id"),
    source=json_field("channelData.team.id"),
    time=json_field("timestamp"),
    attributes={"tenant_id": json_field("channelData.tenant.id")},
    ack=RECEIVED,
    # The user waits for the reply in the channel; Microsoft states no number here: 5 s assumed.
    timeout=5,
    retries=Retries(
        retries=None,
        on="synchronous outgoing webhook; reply expected within seconds; no retry documented",
        source="https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-outgoing-webhook",
    ),
)
