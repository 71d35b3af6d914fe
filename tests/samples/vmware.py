import json

from tests.signers import Sample, basic

CREDENTIALS = "ws1-notifications:8vR2-kq7T-pw3L"

SAMPLE = Sample(
    secret=CREDENTIALS,
    # Workspace ONE UEM sends the Event Notifications rule's Username and Password as HTTP Basic.
    sign=basic(CREDENTIALS),
    signature_header="Authorization",
    body=json.dumps(
        {
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
    ).encode(),
    signs_body=False,  # Basic credentials do not cover the body
    attributes={
        "event_type": "MDMEnrollmentComplete",
        "device_id": "10000",
        "ce-type": "vmware.MDMEnrollmentComplete",
        "ce-source": "vmware",
    },
)
