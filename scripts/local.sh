#!/usr/bin/env bash
# Run every provider locally: the Pub/Sub emulator, `webhooks` on localhost:8080, and a
# printer of each message that lands in Pub/Sub. Ctrl-C stops all three (and the GCS
# emulator that holds bodies too large for a message).
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1 || { echo "missing: $1 ($2)" >&2; exit 1; }; }
need gcloud "install the Google Cloud CLI: https://cloud.google.com/sdk/docs/install"
need java "the Pub/Sub emulator needs Java 11+: apt-get install default-jre-headless"
if ! gcloud components list --filter=id:pubsub-emulator --format='value(state.name)' 2>/dev/null | grep -q Installed \
   && ! dpkg -s google-cloud-cli-pubsub-emulator >/dev/null 2>&1; then
  echo "missing: the Pub/Sub emulator (gcloud components install pubsub-emulator, or apt-get install google-cloud-cli-pubsub-emulator)" >&2
  exit 1
fi

if [ ! -x .venv/bin/functions-framework ]; then
  python3 -m venv .venv
  .venv/bin/pip install -q -r requirements.txt
fi

set -a; . ./local.env; set +a
export PUBSUB_EMULATOR_HOST=${PUBSUB_EMULATOR_HOST:-localhost:8085}
PORT=${PORT:-8080}

pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null' EXIT INT TERM
gcloud beta emulators pubsub start --host-port="$PUBSUB_EMULATOR_HOST" --project="$GOOGLE_CLOUD_PROJECT" --quiet \
  >/tmp/pubsub-emulator.log 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  (echo >/dev/tcp/${PUBSUB_EMULATOR_HOST%:*}/${PUBSUB_EMULATOR_HOST#*:}) 2>/dev/null && break
  sleep 0.5
done
# Large bodies (issue 14, README "Large bodies"): a GCS emulator holding BODY_BUCKET, in memory.
# A dev tool, pinned in requirements-dev.txt (never deployed): installed here on first use.
[ -x .venv/bin/gcp-storage-emulator ] || .venv/bin/pip install -q "$(grep '^gcp-storage-emulator==' requirements-dev.txt)"
export STORAGE_EMULATOR_HOST=${STORAGE_EMULATOR_HOST:-http://localhost:9023} BODY_BUCKET=${BODY_BUCKET:-webhook-bodies}
.venv/bin/gcp-storage-emulator start --host=localhost --port="${STORAGE_EMULATOR_HOST##*:}" --in-memory \
  --default-bucket="$BODY_BUCKET" >/tmp/storage-emulator.log 2>&1 &
pids+=($!)
.venv/bin/python scripts/watch.py &
pids+=($!)
echo "webhooks on http://localhost:$PORT/<provider>; sign a curl with: .venv/bin/python scripts/curl.py github examples/github.json"
.venv/bin/functions-framework --source=main.py --target=webhooks --port="$PORT" &
pids+=($!)
wait -n
