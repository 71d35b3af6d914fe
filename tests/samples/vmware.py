import json

from tests.signers import Exchange, Sample, basic

CREDENTIALS = "ws1-notifications:8vR2-kq7T-pw3L"
FIELDS = {
    "EventId": 178,
    "EventType": "MDMEnrollmentComplete",
    "DeviceId": 10000,
    "DeviceFriendlyName": "Dana's MacBook",
    "EnrollmentUserName": "dana",
    "EventTime": "2026-11-28T18:00:00.0000000Z",
    "EnrollmentStatus": "Enrolled",
    "ComplianceStatus": "Compliant",
    "Udid": "D20E0F3D66AF4B92B31E1DA394DF1E88",
    "Platform": "AppleOsX",
}


def xml(fields: dict[str, object], prolog: str = '<?xml version="1.0" encoding="utf-8"?>') -> bytes:
    """A rule set to XML: the JSON example's fields as the root element's children (in a default
    namespace, as .NET's serializers write one)."""
    children = "".join(f"<{name}>{value}</{name}>" for name, value in fields.items()).replace("'", "&apos;")
    return f'{prolog}<EventNotification xmlns="urn:example:workspace-one">{children}</EventNotification>'.encode()


XML = {"Content-Type": "application/xml; charset=utf-8"}
REFUSED = {"signed": True, "status": 400, "answer": None, "headers": XML}

SAMPLE = Sample(
    secret=CREDENTIALS,
    # Workspace ONE UEM sends the Event Notifications rule's Username and Password as HTTP Basic.
    sign=basic(CREDENTIALS),
    signature_header="Authorization",
    body=json.dumps(FIELDS).encode(),
    signs_body=False,  # Basic credentials do not cover the body
    attributes={
        "event_type": "MDMEnrollmentComplete",
        "device_id": "10000",
        "ce-type": "vmware.MDMEnrollmentComplete",
        "ce-source": "vmware",
    },
    variants=(
        # The same notification from a rule set to XML: published as received, read the same way.
        Exchange(
            body=xml(FIELDS),
            headers=XML,
            attributes={
                "event_type": "MDMEnrollmentComplete",
                "device_id": "10000",
                "content-type": XML["Content-Type"],
            },
        ),
        # An XML notification without an EventType element: published, with no event type.
        Exchange(
            body=xml({"EventId": 148, "DeviceId": 10001}, prolog=""),
            headers=XML,
            attributes={"ce-type": "vmware", "device_id": "10001"},
        ),
    ),
    rejects=(
        # Entity expansion (a billion-laughs prolog) and external entities are never read: 400.
        Exchange(
            body=xml(
                {"EventType": "&lol2;"},
                prolog='<?xml version="1.0"?><!DOCTYPE EventNotification [<!ENTITY lol "lol">'
                '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>',
            ),
            **REFUSED,
        ),
        Exchange(
            body=xml(
                {"EventType": "&xxe;"},
                prolog='<?xml version="1.0"?><!DOCTYPE EventNotification [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
            ),
            **REFUSED,
        ),
        # Malformed XML is a body Workspace ONE never sends.
        Exchange(body=b"<EventNotification><EventType>MDMEnrollmentComplete</EventNotification>", **REFUSED),
    ),
)
