import base64
import json

from tests.signers import Exchange, Sample, public_der, rsa_key

# WeChat Pay's "支付成功结果通知" as its docs print it; `resource` stays encrypted (AES-256-GCM).
BODY = json.dumps(
    {
        "id": "EV-2018022511223320873",
        "create_time": "2015-05-20T13:29:35+08:00",
        "resource_type": "encrypt-resource",
        "event_type": "TRANSACTION.SUCCESS",
        "summary": "支付成功",
        "resource": {
            "original_type": "transaction",
            "algorithm": "AEAD_AES_256_GCM",
            "ciphertext": "sadsadsadsad",
            "associated_data": "transaction",
            "nonce": "fdasflkja484w",
        },
    },
    ensure_ascii=False,
).encode()
SERIAL = "PUB_KEY_ID_0114232134912410000000000000"
NONCE = "fdasfwqewlkja484w"


def _key():
    return rsa_key("wechat")


def public_key() -> str:
    """The WeChat Pay public key as one line of base64 DER (the body of its PEM file)."""
    return public_der(_key())


def sign(body: bytes, now: int) -> dict[str, str]:
    # WeChat Pay has no official Python SDK: `cryptography` as its docs and wechatpay-go's
    # validator build it, SHA256withRSA over "timestamp\nnonce\nbody\n", base64.
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    message = f"{now}\n{NONCE}\n".encode() + body + b"\n"
    signature = _key().sign(message, padding.PKCS1v15(), hashes.SHA256())
    return {
        "Wechatpay-Signature": base64.b64encode(signature).decode(),
        "Wechatpay-Timestamp": str(now),
        "Wechatpay-Nonce": NONCE,
        "Wechatpay-Serial": SERIAL,
    }


SAMPLE = Sample(
    secret=public_key(),
    sign=sign,
    signature_header="Wechatpay-Signature",
    body=BODY,
    attributes={
        "event_type": "TRANSACTION.SUCCESS",
        "delivery_id": "EV-2018022511223320873",
        "ce-time": "2015-05-20T13:29:35+08:00",
        "serial": SERIAL,
        "resource_type": "encrypt-resource",
    },
    settings={"WECHAT_PUBLIC_KEY": public_key()},
    rejects=(
        # WeChat Pay's signature probes ("WECHATPAY/SIGNTEST/..."): a merchant must refuse them.
        Exchange(
            body=BODY,
            headers={"Wechatpay-Signature": "WECHATPAY/SIGNTEST/" + "A" * 324},
            status=401,
            answer=b"Unauthorized",
        ),
        # The nonce is signed: another nonce with the same signature fails.
        Exchange(body=BODY, headers={"Wechatpay-Nonce": "another-nonce"}, status=401, answer=b"Unauthorized"),
    ),
)
