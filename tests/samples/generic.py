from tests.signers import Sample, token

SECRET = "generic-shared-secret-7c1f"

SAMPLE = Sample(
    secret=SECRET,
    sign=token("X-Webhook-Secret", SECRET),
    signature_header="X-Webhook-Secret",
    body=b"any bytes \xff at all",
    content_type="application/octet-stream",
    json=False,
    signs_body=False,
    attributes={"provider": "generic", "ce-type": "generic"},
)
