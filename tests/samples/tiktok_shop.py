import json

from tests.signers import Exchange, Sample, documented

SECRET = "e59af819cc"  # an app secret in the length TikTok Shop's signing guide shows
APP_KEY = "68xu9ks5p4i8"
# An order status change (type 1) as TikTok Shop sends it.
BODY = json.dumps(
    {
        "type": 1,
        "tts_notification_id": "7327112393057371910",
        "shop_id": "7494049642642441621",
        "timestamp": 1644412885,
        "data": {"order_id": "576461413038785752", "order_status": "UNPAID", "update_time": 1644412885},
    }
).encode()

SAMPLE = Sample(
    secret=SECRET,
    # No official SDK signs webhooks: Python's hmac as tiktokshop-php's Webhook::verify computes it,
    # hash_hmac('sha256', app_key . raw body, app_secret), lowercase hex, the whole header.
    sign=documented(SECRET, lambda sig, now: {"Authorization": sig}, message=lambda body, now: APP_KEY.encode() + body),
    signature_header="Authorization",
    body=BODY,
    attributes={
        "event_type": "1",
        "delivery_id": "7327112393057371910",
        "ce-source": "tiktok_shop/7494049642642441621",
        "ce-type": "tiktok_shop.1",
    },
    settings={"TIKTOK_SHOP_APP_KEY": APP_KEY},
    rejects=(
        # Signed for another app (its key before the body), with the same secret: refused.
        Exchange(
            body=BODY,
            headers=documented(SECRET, lambda sig, now: {"Authorization": sig}, message=lambda b, n: b"other" + b)(
                BODY, 0
            ),
            status=401,
            answer=b"Unauthorized",
        ),
    ),
)
