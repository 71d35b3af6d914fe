"""WeChat Pay API v3 notifications: SHA256withRSA over `timestamp\\nnonce\\nbody\\n`, base64 in
Wechatpay-Signature, checked with the WeChat Pay public key (or platform certificate's key)."""

from __future__ import annotations

from shared.provider import Provider, Retries, header, json_field
from shared.schemes import PublicKey

PROVIDER = Provider(
    id="wechat",
    docs="https://pay.weixin.qq.com/docs/merchant/products/notification/introduction.html",
    summary="RSA PKCS#1 v1.5 SHA-256 of `timestamp\\nnonce\\nbody\\n`, `Wechatpay-Signature: <b64>`, "
    "`Wechatpay-Timestamp`, `Wechatpay-Nonce`; WeChat Pay public key; 300 s; `resource` published encrypted",
    # The WeChat Pay public key (微信支付公钥), or the public key of the platform certificate:
    # public, so the contract names it <ID>_PUBLIC_KEY. Several verify (a certificate rotation);
    # Wechatpay-Serial says which one signed and is passed on as an attribute.
    secret="PUBLIC_KEY",
    verify=PublicKey(
        header="Wechatpay-Signature",
        algorithm="rsa",
        timestamp="Wechatpay-Timestamp",
        id="Wechatpay-Nonce",
        # wechatpay-go core/auth/validators/wechat_pay_validator.go buildMessage; it refuses a
        # timestamp five minutes or more away from now.
        signed="{timestamp}\n{id}\n{body}\n",
        encoding="base64",
        tolerance=300,
    ),
    # `resource` is AES-256-GCM encrypted with the merchant's APIv3 key: it is published as
    # received, for a consumer holding that key to decrypt.
    event_type=json_field("event_type"),
    delivery_id=json_field("id"),
    time=json_field("create_time"),
    attributes={"serial": header("Wechatpay-Serial"), "resource_type": json_field("resource_type")},
    # "接收成功：HTTP应答状态码需返回200或204，无需返回应答报文": 200 with no body.
    # "需在5秒内完成对报文的验签，并应答回调通知".
    timeout=5,
    retries=Retries(
        retries=True,
        on="answer not success, or timeout",
        schedule="re-sent at set increasing intervals; all tries span ~4 h (H5 page); then query API",
        source="https://pay.weixin.qq.com/wiki/doc/api/wxpay/en/fusion_wallet/H5Payment/chapter8_8.shtml",
    ),
)
