from tests.signers import Exchange, Sample, documented, vector

SECRET = "LDLLJJLflja2039203flaflaLLFLE"
BODY = b'{"body_html":"BodyHtml","id":"32398389389389"}'
# The docs' header example is base64: the same MAC, base64-encoded (Python's hmac, no SDK signs it).
BASE64 = documented(SECRET, lambda signature, now: {"X-Shopline-Hmac-Sha256": signature}, encoding="base64")

SAMPLE = Sample(
    # Published: SHOPLINE's own Go SDK test (shoplineos/shopline-sdk-go client/webhook_client_test.go,
    # TestVerifyAndDecode), secret config.AppSecretForUnitTest; re-verified with Python's hmac.
    secret=SECRET,
    sign=vector({"X-Shopline-Hmac-Sha256": "edf64f4c46a9cb2c8aaa6c7034b77899aca1b63ad0c461901417a42b1cf139b0"}),
    signature_header="X-Shopline-Hmac-Sha256",
    body=BODY,
    headers={
        "X-Shopline-Topic": "products/create",
        "X-Shopline-Shop-Domain": "testDomain",
        "X-Shopline-Shop-Id": "testShopId",
        "X-Shopline-Merchant-Id": "testMerchantId",
        "X-Shopline-API-Version": "v20251201",
        "X-Shopline-Webhook-Id": "testWebhookId",
    },
    attributes={
        "event_type": "products/create",
        "delivery_id": "testWebhookId",
        "ce-type": "shopline.products/create",
        "ce-source": "shopline/testShopId",
    },
    json=False,  # nothing is read from the body
    variants=(
        Exchange(
            body=BODY,
            headers=BASE64(BODY, 0),
            attributes={"event_type": "products/create", "delivery_id": "testWebhookId"},
        ),
    ),
)
