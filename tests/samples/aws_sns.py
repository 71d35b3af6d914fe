import base64
import json

from tests.signers import Exchange, Sample, sns_signing

TOPIC = "arn:aws:sns:us-west-2:123456789012:MyTopic"
SUBSCRIPTION = f"{TOPIC}:c9135db0-26c4-47ec-8998-413945fb5a96"
CERT_URL = "https://sns.us-west-2.amazonaws.com/SimpleNotificationService-f3ecfb7224c7233fe7bb5f59f96de52f.pem"
FIELDS = {
    "Notification": ("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"),
    "SubscriptionConfirmation": ("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"),
}


def signed(message: dict, version: str = "2", key=None) -> dict:
    """No AWS SDK signs: `cryptography`, as docs.aws.amazon.com/sns describes the string to sign
    (`Key\\nValue\\n` per field, Subject only when present) and SHA1withRSA / SHA256withRSA."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    text = "".join(f"{name}\n{message[name]}\n" for name in FIELDS[message["Type"]] if name in message)
    algorithm = hashes.SHA1() if version == "1" else hashes.SHA256()
    signature = (key or sns_signing()[0]).sign(text.encode(), padding.PKCS1v15(), algorithm)
    return {
        **message,
        "SignatureVersion": version,
        "Signature": base64.b64encode(signature).decode(),
        "SigningCertURL": CERT_URL,
    }


# The HTTP/S notification of docs.aws.amazon.com/sns (http-notification-json), signed here.
NOTIFICATION = {
    "Type": "Notification",
    "MessageId": "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
    "TopicArn": TOPIC,
    "Subject": "My First Message",
    "Message": "Hello world! Ünïcode\nand a second line",
    "Timestamp": "2026-11-28T00:54:06.655Z",
    "UnsubscribeURL": f"https://sns.us-west-2.amazonaws.com/?Action=Unsubscribe&SubscriptionArn={SUBSCRIPTION}",
}
CONFIRMATION = {
    "Type": "SubscriptionConfirmation",
    "MessageId": "165545c9-2a5c-472c-8df2-7ff2be2b3b1b",
    "Token": "2336412f37fb687f5d51e6e241d09c805a5a57b30d712f794cc5f6a988666d92768dd60a747ba6f3beb71854e285d6ad0",
    "TopicArn": TOPIC,
    "Message": (
        f"You have chosen to subscribe to the topic {TOPIC}.\n"
        "To confirm the subscription, visit the SubscribeURL included in this message."
    ),
    "SubscribeURL": f"https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription&TopicArn={TOPIC}&Token=2336412f37",
    "Timestamp": "2026-11-28T00:51:06.655Z",
}
HEADERS = {
    "x-amz-sns-message-type": "Notification",
    "x-amz-sns-message-id": NOTIFICATION["MessageId"],
    "x-amz-sns-topic-arn": TOPIC,
    "x-amz-sns-subscription-arn": SUBSCRIPTION,
}


def encoded(message: dict) -> bytes:
    return json.dumps(message, ensure_ascii=False, indent=2).encode()


def _other_key():
    from cryptography.hazmat.primitives.asymmetric import rsa

    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


SAMPLE = Sample(
    secret=TOPIC,
    sign=lambda body, now: {},
    signature_header=None,
    resigns=False,
    content_type="text/plain; charset=UTF-8",
    headers=HEADERS,
    body=encoded(signed(NOTIFICATION)),
    # The signature covers the fields, not the JSON around them.
    signs_body=False,
    serves_cert=True,
    attributes={
        "event_type": "Notification",
        "delivery_id": "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
        "ce-source": f"aws_sns/{TOPIC}",
        "ce-time": "2026-11-28T00:54:06.655Z",
        "subscription_arn": SUBSCRIPTION,
    },
    variants=(
        Exchange(body=encoded(signed(NOTIFICATION, version="1")), attributes={"event_type": "Notification"}),
        # Published, not confirmed here: a consumer (or an operator) visits its SubscribeURL.
        Exchange(
            body=encoded(signed(CONFIRMATION)),
            headers={"x-amz-sns-message-type": "SubscriptionConfirmation"},
            attributes={"event_type": "SubscriptionConfirmation", "delivery_id": CONFIRMATION["MessageId"]},
        ),
    ),
    forgeries=(
        lambda now: encoded({**signed(NOTIFICATION), "Message": "Hello world?"}),
        lambda now: encoded({**signed(NOTIFICATION), "Subject": "Another subject"}),
        lambda now: encoded({k: v for k, v in signed(NOTIFICATION).items() if k != "Subject"}),
        lambda now: encoded({k: v for k, v in signed(NOTIFICATION).items() if k != "Signature"}),
        lambda now: encoded(signed(NOTIFICATION, key=_other_key())),
        # Signed by SNS for somebody else's topic: genuine, and still not ours.
        lambda now: encoded(signed({**NOTIFICATION, "TopicArn": "arn:aws:sns:us-west-2:999999999999:Theirs"})),
        lambda now: encoded({**signed(NOTIFICATION), "SignatureVersion": "3"}),
        # Certificates from anywhere but https://sns.<region>.amazonaws.com are never fetched.
        lambda now: encoded({**signed(NOTIFICATION), "SigningCertURL": CERT_URL.replace("https:", "http:")}),
        lambda now: encoded(
            {**signed(NOTIFICATION), "SigningCertURL": "https://sns.us-west-2.amazonaws.com.evil.example/c.pem"}
        ),
        lambda now: encoded(
            {**signed(NOTIFICATION), "SigningCertURL": "https://sns.us-west-2.amazonaws.com:8443/c.pem"}
        ),
        lambda now: encoded({**signed(NOTIFICATION), "SigningCertURL": "https://evil.example/sns.us-west-2.pem"}),
        lambda now: encoded({**signed(NOTIFICATION), "Type": "Surprise"}),
    ),
)
