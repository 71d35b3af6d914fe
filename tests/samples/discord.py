import json

from tests.signers import Exchange, Sample

# A fixed Ed25519 key pair made with pynacl; Discord holds the private half of the real one.
SEED = bytes(range(32))


def _key():
    from nacl.signing import SigningKey

    return SigningKey(SEED)


def sign(body: bytes, now: int) -> dict[str, str]:
    # discord.com interactions overview: Ed25519 over timestamp + body, hex.
    signature = _key().sign(str(now).encode() + body).signature.hex()
    return {"X-Signature-Ed25519": signature, "X-Signature-Timestamp": str(now)}


def interaction(kind: int) -> bytes:
    return json.dumps(
        {
            "id": f"11234567890123456{kind}",
            "application_id": "775799577604522054",
            "type": kind,
            "token": "A_UNIQUE_TOKEN",
            "version": 1,
            "data": {"name": "ping", "custom_id": "click_one"},
        }
    ).encode()


SAMPLE = Sample(
    secret=_key().verify_key.encode().hex(),
    sign=sign,
    signature_header="X-Signature-Ed25519",
    body=interaction(2),
    attributes={
        "event_type": "application_command",
        "delivery_id": "112345678901234562",
        "ce-source": "discord/775799577604522054",
    },
    ack=(200, b'{"type":5}'),
    ack_headers={"Content-Type": "application/json"},
    variants=(
        Exchange(body=interaction(3), answer=b'{"type":6}', attributes={"event_type": "message_component"}),
        Exchange(body=interaction(5), answer=b'{"type":5}', attributes={"event_type": "modal_submit"}),
    ),
    exchanges=(
        Exchange(
            body=json.dumps({"id": "1", "application_id": "775799577604522054", "type": 1}).encode(),
            answer=b'{"type":1}',
            answer_headers={"Content-Type": "application/json"},
        ),
    ),
)
