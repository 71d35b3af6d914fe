import base64

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

from tests.signers import Sample

# SendGrid holds its private key; a fixed test key signs as SendGrid documents it
# (ECDSA P-256, SHA-256, over timestamp + body, base64 DER), with `cryptography`.
_KEY = ec.derive_private_key(0x5E7D_6A1D_0C0F_FEE5_1234_5678_9ABC_DEF0, ec.SECP256R1())
PUBLIC_KEY = base64.b64encode(
    _KEY.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
).decode()


def sign(body: bytes, now: int) -> dict[str, str]:
    signature = _KEY.sign(str(now).encode() + body, ec.ECDSA(hashes.SHA256()))
    return {
        "X-Twilio-Email-Event-Webhook-Signature": base64.b64encode(signature).decode(),
        "X-Twilio-Email-Event-Webhook-Timestamp": str(now),
    }


SAMPLE = Sample(
    secret=PUBLIC_KEY,
    sign=sign,
    signature_header="X-Twilio-Email-Event-Webhook-Signature",
    # As SendGrid posts it: a JSON array of events, ending in CRLF (sendgrid-python's test vector).
    body=b'[{"email":"hello@world.com","event":"dropped","reason":"Bounced Address",'
    b'"sg_event_id":"ZHJvcC0xMDk5NDkxOS1MUnpYbF9OSFN0T0doUTRrb2ZTbV9BLTA","timestamp":1600112492},'
    b'{"email":"other@world.com","event":"delivered","sg_event_id":"ZGVsaXZlcmVkLTAtMjI4","timestamp":1600112493}]\r\n',
    attributes={"event_type": "dropped", "ce-type": "sendgrid.dropped", "ce-source": "sendgrid"},
    settings={"SENDGRID_PUBLIC_KEY": PUBLIC_KEY},
)
