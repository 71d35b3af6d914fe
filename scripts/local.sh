#!/usr/bin/env bash
# Run every provider locally: the Pub/Sub and Firestore emulators, `webhooks` on localhost:8080,
# `consume` (the handlers in handlers/) on localhost:8081 with a push subscription from every
# topic, and a printer of each message that lands in Pub/Sub. Ctrl-C stops them all.
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1 || { echo "missing: $1 ($2)" >&2; exit 1; }; }
emulator() {  # gcloud component id, Debian package
  gcloud components list --filter="id:$1" --format='value(state.name)' 2>/dev/null | grep -q Installed \
    || dpkg -s "$2" >/dev/null 2>&1 \
    || { echo "missing: the ${1%-emulator} emulator (gcloud components install $1, or apt-get install $2)" >&2; exit 1; }
}
need gcloud "install the Google Cloud CLI: https://cloud.google.com/sdk/docs/install"
need java "the emulators need Java 11+: apt-get install default-jre-headless"
emulator pubsub-emulator google-cloud-cli-pubsub-emulator
emulator cloud-firestore-emulator google-cloud-cli-firestore-emulator

if [ ! -x .venv/bin/functions-framework ]; then
  python3 -m venv .venv
  .venv/bin/pip install -q -r requirements.txt
fi

set -a; . ./local.env; set +a
export PUBSUB_EMULATOR_HOST=${PUBSUB_EMULATOR_HOST:-localhost:8085}
export FIRESTORE_EMULATOR_HOST=${FIRESTORE_EMULATOR_HOST:-localhost:8086}
PORT=${PORT:-8080}
CONSUME_PORT=${CONSUME_PORT:-8081}

pids=()
# gcloud makes itself the leader of a new process group and starts the emulator's Java in it,
# out of reach of the terminal's Ctrl-C: each such group is stopped by its id (issue 16).
groups=()
stop() {
  trap - EXIT INT TERM
  for group in "${groups[@]}"; do kill -TERM -- "-$group" 2>/dev/null || true; done
  kill -TERM "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  for group in "${groups[@]}"; do
    for _ in $(seq 1 50); do kill -0 -- "-$group" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$group" 2>/dev/null || true
  done
}
trap stop EXIT
trap 'exit 130' INT TERM

up() {  # host:port, what
  for _ in $(seq 1 180); do
    (echo >"/dev/tcp/${1%:*}/${1#*:}") 2>/dev/null && return 0
    sleep 0.5
  done
  echo "$2 did not start on $1" >&2
  exit 1
}

gcloud beta emulators pubsub start --host-port="$PUBSUB_EMULATOR_HOST" --project="$GOOGLE_CLOUD_PROJECT" --quiet \
  >/tmp/pubsub-emulator.log 2>&1 &
pids+=($!); groups+=($!)
gcloud emulators firestore start --host-port="$FIRESTORE_EMULATOR_HOST" --quiet >/tmp/firestore-emulator.log 2>&1 &
pids+=($!); groups+=($!)
up "$PUBSUB_EMULATOR_HOST" "the Pub/Sub emulator (log: /tmp/pubsub-emulator.log)"
up "$FIRESTORE_EMULATOR_HOST" "the Firestore emulator (log: /tmp/firestore-emulator.log)"
.venv/bin/python scripts/emulators.py

# Large bodies (issue 14, README "Large bodies"): a GCS emulator holding BODY_BUCKET, in memory.
# A dev tool, pinned in requirements-dev.txt (never deployed): installed here on first use.
[ -x .venv/bin/gcp-storage-emulator ] || .venv/bin/pip install -q "$(grep '^gcp-storage-emulator==' requirements-dev.txt)"
export STORAGE_EMULATOR_HOST=${STORAGE_EMULATOR_HOST:-http://localhost:9023} BODY_BUCKET=${BODY_BUCKET:-webhook-bodies}
.venv/bin/gcp-storage-emulator start --host=localhost --port="${STORAGE_EMULATOR_HOST##*:}" --in-memory \
  --default-bucket="$BODY_BUCKET" >/tmp/storage-emulator.log 2>&1 &
pids+=($!)

# Every topic and its subscriptions first: a message published before they exist reaches no one.
.venv/bin/python scripts/watch.py --push "http://localhost:$CONSUME_PORT/" --create
.venv/bin/functions-framework --source=main.py --target=consume --port="$CONSUME_PORT" &
pids+=($!)
.venv/bin/python scripts/watch.py &
pids+=($!)
echo "webhooks on http://localhost:$PORT/<provider>; sign a curl with: .venv/bin/python scripts/curl.py github examples/github.json"
echo "consume on http://localhost:$CONSUME_PORT/ runs handlers/ for every event (handlers/example.py prints one line each)"
.venv/bin/functions-framework --source=main.py --target=webhooks --port="$PORT" &
pids+=($!)
wait -n
