import json

from tests.signers import Sample, token

SECRET = "bigcommerce-custom-header-secret-91d2"

SAMPLE = Sample(
    secret=SECRET,
    # The custom header set in the Create a webhook call's `headers`: nothing to compute.
    sign=token("X-Hook-Auth", SECRET),
    signature_header="X-Hook-Auth",
    body=json.dumps(
        {
            "store_id": "11111",
            "producer": "stores/abcde",
            "scope": "store/order/statusUpdated",
            "data": {"type": "order", "id": 173331},
            "hash": "3f9ea420af83450d7ef9f78b08c8af25b2213637",
        }
    ).encode(),
    signs_body=False,
    settings={"BIGCOMMERCE_HEADER": "X-Hook-Auth"},
    attributes={
        "event_type": "store/order/statusUpdated",
        "delivery_id": "3f9ea420af83450d7ef9f78b08c8af25b2213637",
        "ce-source": "bigcommerce/stores/abcde",
    },
)
