from tests.signers import Exchange, Sample, vector

SAMPLE = Sample(
    secret="It's a Secret to Everybody",
    # Published: docs.github.com "Validating webhook deliveries", testing section.
    sign=vector({"X-Hub-Signature-256": "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"}),
    signature_header="X-Hub-Signature-256",
    body=b"Hello, World!",
    content_type="application/json",
    headers={
        "X-GitHub-Event": "push",
        "X-GitHub-Delivery": "72d3162e-cc78-11e3-81ab-4c9367dc0958",
        "X-GitHub-Hook-ID": "292430182",
    },
    attributes={
        "event_type": "push",
        "delivery_id": "72d3162e-cc78-11e3-81ab-4c9367dc0958",
        "ce-id": "72d3162e-cc78-11e3-81ab-4c9367dc0958",
        "ce-source": "github/hooks/292430182",
        "ce-type": "github.push",
    },
    json=False,
    exchanges=(Exchange(body=b"Hello, World!", headers={"X-GitHub-Event": "ping"}),),
)
