import hashlib
import json
from urllib.parse import urlencode

from tests.signers import Sample, flip

SECRET = "quoter-hash-key-6d21f0"

DATA = json.dumps(
    {
        "id": "quot_2Lq9xRtY3bN8",
        "number": "1042",
        "name": "Office network refresh",
        "status": "published",
        "person": {"first_name": "Dana", "last_name": "Reyes", "email": "dana@example.com"},
        "total": {"upfront": "1499.00"},
    }
)


def md5_hash(now: int, data: str = DATA, key: str = SECRET) -> str:
    # No Quoter SDK: Python's hashlib exactly as Quoter's PHP example,
    # md5('HASH_KEY'.$_POST['timestamp'].$_POST['data']).
    return hashlib.md5(f"{key}{now}{data}".encode()).hexdigest()


def form(fields: dict[str, str]) -> bytes:
    return urlencode(fields).encode()


def fresh(now: int) -> bytes:
    return form({"hash": md5_hash(now), "timestamp": str(now), "data": DATA})


SAMPLE = Sample(
    secret=SECRET,
    sign=lambda body, now: {},
    signature_header=None,
    content_type="application/x-www-form-urlencoded",
    body=fresh(1700000000),
    fresh=fresh,
    json=False,
    forgeries=(
        lambda now: form({"timestamp": str(now), "data": DATA}),
        lambda now: form({"hash": flip(md5_hash(now)), "timestamp": str(now), "data": DATA}),
        lambda now: form({"hash": md5_hash(now, key="another-hash-key"), "timestamp": str(now), "data": DATA}),
        lambda now: form({"hash": md5_hash(now), "timestamp": str(now), "data": DATA.replace("1499", "9")}),
        lambda now: form({"hash": md5_hash(now), "timestamp": str(now + 1), "data": DATA}),
    ),
    attributes={"ce-type": "quoter", "ce-source": "quoter"},
)
