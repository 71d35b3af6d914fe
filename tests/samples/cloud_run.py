from tests.signers import Sample, google

AUDIENCE = "https://webhooks-abc123-uc.a.run.app"
CALLER = "orders-service@test-project.iam.gserviceaccount.com"
CLAIMS = {
    "iss": "https://accounts.google.com",
    "aud": AUDIENCE,
    "azp": "222222222222222222222",
    "sub": "222222222222222222222",
    "email": CALLER,
    "email_verified": True,
}

SAMPLE = Sample(
    secret=f"someone-else@test-project.iam.gserviceaccount.com,{CALLER}",
    sign=google(CLAIMS),
    signature_header="Authorization",
    body=b'{"order": 42, "status": "shipped"}',
    headers={"Ce-Id": "order-42-shipped", "Ce-Type": "com.example.order.shipped", "Ce-Source": "orders"},
    attributes={
        "event_type": "com.example.order.shipped",
        "delivery_id": "order-42-shipped",
        "ce-source": "cloud_run/orders",
    },
    json=False,
    signs_body=False,
    settings={"CLOUD_RUN_AUDIENCE": AUDIENCE},
    token_claims=CLAIMS,
)
