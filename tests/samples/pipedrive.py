import json

from tests.signers import Sample, basic

CREDENTIALS = "pipedrive-hooks:0e4b7c2a1f"

SAMPLE = Sample(
    secret=CREDENTIALS,
    sign=basic(CREDENTIALS),  # the webhook's http_auth_user and http_auth_password, as HTTP Basic
    signature_header="Authorization",
    body=json.dumps({"meta": {"action": "change", "entity": "deal", "id": "123"}, "data": {"id": 123}}).encode(),
    signs_body=False,
    json=False,  # nothing is read from the body, so it is never parsed
    attributes={},
)
