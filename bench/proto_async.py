import asyncio, hashlib, hmac, os, uuid
from starlette.responses import Response
from google.cloud import pubsub_v1
client = pubsub_v1.PublisherClient(batch_settings=pubsub_v1.types.BatchSettings(max_latency=0.005))
TOPIC = "projects/bench-project/topics/webhooks-github"
SECRET = os.environ["GITHUB_WEBHOOK_SECRET"].encode()
try:
    client.create_topic(name=TOPIC)
except Exception:
    pass

async def github(request):
    body = await request.body()
    sig = request.headers.get("x-hub-signature-256", "")
    good = "sha256=" + hmac.new(SECRET, body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(sig, good):
        return Response(b"no", status_code=401)
    d = request.headers.get("x-github-delivery", "")
    fut = client.publish(TOPIC, body, delivery_id=d, event_type=request.headers.get("x-github-event",""), provider="github")
    try:
        await asyncio.wait_for(asyncio.wrap_future(fut), 9)
    except Exception:
        return Response(b"unavailable", status_code=503)
    print('{"severity":"INFO","message":"github 200 published"}', flush=True)
    return Response(b"", status_code=200)

async def bare(request):
    await request.body()
    return Response(b"", status_code=200)
