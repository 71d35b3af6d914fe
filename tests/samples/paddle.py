from tests.signers import Sample

SECRET = "pdl_ntfset_01gkpjp8bkm3tm53kdgkx6sms7_6h3qd3uFSi9YCD3OLYAShQI90XTI5vEI"


def sign(body: bytes, now: int) -> dict[str, str]:
    from paddle_billing.Notifications.PaddleSignature import PaddleSignature

    digest = PaddleSignature.calculate_hmac(SECRET, f"{now}:".encode() + body).hexdigest()
    return {"Paddle-Signature": f"ts={now};h1={digest}"}


SAMPLE = Sample(
    secret=SECRET,
    sign=sign,
    signature_header="Paddle-Signature",
    body=b'{"event_id":"evt_01h8bzakzx3hm2fmen703n5q45","event_type":"transaction.completed",'
    b'"occurred_at":"2023-08-21T11:57:47.390028Z","notification_id":"ntf_01h8bzam1z32agrxjwhjgqk8w6","data":{}}',
    attributes={
        "event_type": "transaction.completed",
        "delivery_id": "ntf_01h8bzam1z32agrxjwhjgqk8w6",
        "ce-type": "paddle.transaction.completed",
    },
)
