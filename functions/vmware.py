"""VMware Workspace ONE UEM event notifications: no signature; HTTP Basic credentials, the
Username and Password set on the Event Notifications rule. JSON or XML bodies."""

from __future__ import annotations

from shared.delivery import Delivery
from shared.errors import BadRequest
from shared.provider import Provider, Read, Retries, json_field
from shared.schemes import BasicAuth


class _Refused(Exception):
    """A construct this reader never accepts (a document type declaration, an entity)."""


def _refuse(*args: object) -> None:
    raise _Refused


def is_xml(body: bytes) -> bool:
    """Whether the body is an XML document (a rule set to XML) rather than JSON."""
    return body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<"


def xml_fields(body: bytes) -> dict[str, str]:
    """The text of each child of the root element, by local name (namespaces dropped).

    Read with the standard library's expat and defusedxml's limits: a document type declaration
    is refused outright, so no entity is ever declared, expanded or fetched (no billion laughs,
    no external entities). Anything malformed is a 400.
    """
    from xml.parsers import expat

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.ExternalEntityRefHandler = _refuse
    fields: dict[str, str] = {}
    depth, name, text = 0, "", []

    def start(tag: str, attributes: dict[str, str]) -> None:
        nonlocal depth, name
        depth += 1
        if depth == 2:
            name = tag.rpartition(" ")[2]
            text.clear()

    def end(tag: str) -> None:
        nonlocal depth
        if depth == 2:
            fields.setdefault(name, "".join(text).strip())
        depth -= 1

    def characters(data: str) -> None:
        if depth == 2:
            text.append(data)

    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, characters
    try:
        parser.Parse(body, True)
    except (expat.ExpatError, _Refused, ValueError):
        raise BadRequest("bad_xml") from None
    return fields


def field(name: str) -> Read:
    """A top-level fact, wherever the rule's format puts it: a JSON field or an XML element."""
    from_json = json_field(name)

    def read(delivery: Delivery) -> str | None:
        if is_xml(delivery.body):
            return xml_fields(delivery.body).get(name) or None
        return from_json(delivery)

    read.__doc__ = f"body `{name}` (JSON field or XML element)"
    return read


PROVIDER = Provider(
    id="vmware",
    # ngrok's guide is the public description of how Workspace ONE authenticates its webhooks
    # (its verifier takes the rule's `{username}::{password}`); here the secret is `user:password`.
    docs="https://ngrok.com/docs/integrations/webhooks/vmware-webhooks",
    summary="HTTP Basic with the Event Notifications rule's username and password; `user:password`; JSON or XML",
    verify=BasicAuth(),
    # {"EventId": 178, "EventType": "...", "DeviceId": 10000, "EventTime": ..., "Udid": ..., ...}
    # in JSON; a rule set to XML sends the same fields as elements. EventId numbers the kind of
    # event, not the delivery: ce-id is a generated UUID. Either body is published as received.
    event_type=field("EventType"),
    attributes={"device_id": field("DeviceId")},
    # Workspace ONE publishes no delivery timeout: the contract default.
    retries=Retries(
        retries=None,
        schedule="unknown (no source found)",
        source="https://ngrok.com/docs/integrations/webhooks/vmware-webhooks",
    ),
)
