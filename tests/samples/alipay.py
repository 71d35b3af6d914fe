import base64
from urllib.parse import urlencode

from tests.signers import Exchange, Sample, public_der, rsa_key

# An asynchronous notification as Alipay's docs print one (电脑网站支付, 异步通知), the subject in Chinese.
FIELDS = {
    "gmt_create": "2015-11-27 15:45:58",
    "charset": "utf-8",
    "seller_email": "zhuzhanghu@alitest.com",
    "subject": "当面付测试",
    "buyer_id": "2088102015875451",
    "invoice_amount": "0.01",
    "notify_id": "4a91b7a78a503640467525113fb7d8bg8e",
    "fund_bill_list": '[{"amount":"0.01","fundChannel":"ALIPAYACCOUNT"}]',
    "notify_type": "trade_status_sync",
    "trade_status": "TRADE_SUCCESS",
    "receipt_amount": "0.01",
    "app_id": "2015102700040153",
    "buyer_pay_amount": "0.01",
    "seller_id": "2088102119685838",
    "gmt_payment": "2015-11-27 15:45:59",
    "notify_time": "2015-11-27 15:45:59",
    "version": "1.0",
    "out_trade_no": "20150423001001",
    "total_amount": "0.01",
    "trade_no": "2015112721001004450000236584",
    "auth_app_id": "2015102700040153",
    "buyer_logon_id": "hkh***@alitest.com",
    "point_amount": "0.00",
}


def _key():
    return rsa_key("alipay")


def public_key() -> str:
    """Alipay's public key as its console shows it: one line of base64 DER."""
    return public_der(_key())


def notification(fields: dict[str, str], **changed: str) -> bytes:
    """The form body, signed by Alipay's official Python SDK (alipay-sdk-python), then `changed` applied."""
    from alipay.aop.api.util.SignatureUtils import get_sign_content, sign_with_rsa2
    from cryptography.hazmat.primitives import serialization

    pem = _key().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()
    )
    # The SDK takes the PKCS#1 key without its PEM markers, as Alipay's key tool writes it.
    private = "".join(pem.decode().strip().splitlines()[1:-1])
    charset = fields["charset"]
    # The SDK signs every field it is given: Alipay leaves `sign_type` out of the signed content.
    sign = sign_with_rsa2(private, get_sign_content(fields), charset)
    # `sign` and `sign_type` first, so a byte added at the end of the body lands in a signed field.
    return urlencode({"sign": sign, "sign_type": "RSA2", **fields, **changed}, encoding=charset).encode()


BODY = notification(FIELDS)
ATTRIBUTES = {
    "event_type": "trade_status_sync",
    "delivery_id": "4a91b7a78a503640467525113fb7d8bg8e",
    "trade_status": "TRADE_SUCCESS",
    "out_trade_no": "20150423001001",
    "ce-source": "alipay/2015102700040153",
}

SAMPLE = Sample(
    secret=public_key(),
    sign=lambda body, now: {},
    signature_header=None,  # `sign` is a form field
    content_type="application/x-www-form-urlencoded",
    body=BODY,
    json=False,
    ack=(200, b"success"),
    attributes=ATTRIBUTES,
    settings={"ALIPAY_PUBLIC_KEY": public_key()},
    forgeries=(
        lambda now: notification(FIELDS, total_amount="100.00"),
        lambda now: urlencode({**FIELDS, "sign_type": "RSA2"}).encode(),  # no `sign`
        lambda now: notification(FIELDS, sign=base64.b64encode(b"\x00" * 256).decode()),
    ),
    variants=(
        # A GBK notification: the fields are percent-encoded and signed in GBK.
        Exchange(body=notification({**FIELDS, "charset": "gbk"}), answer=b"success", attributes=ATTRIBUTES),
        # `sign_type` is not signed (getSignCheckContentV1 removes it): another value still verifies.
        Exchange(body=notification(FIELDS, sign_type="RSA"), answer=b"success", attributes=ATTRIBUTES),
    ),
    rejects=(Exchange(body=BODY, headers={"Content-Type": "application/json"}, status=400, answer=b"Bad Request"),),
)
