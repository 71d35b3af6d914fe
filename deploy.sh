#!/usr/bin/env bash
# Deploy providers as Cloud Run functions: ./deploy.sh PROVIDER... | all
#
# Per provider: its topic, its own service account (publisher on that topic only,
# accessor on its own secret only), its secret (created empty if missing: the command
# to add a value is printed), then `gcloud functions deploy`. Idempotent: existing
# things are described, not recreated; IAM bindings and deploys converge.
# PROJECT / REGION, else gcloud config. DRY_RUN=1: print the gcloud commands only.
set -euo pipefail
cd "$(dirname "$0")"

RUNTIME=python312
# One instance serves many deliveries at once (they wait on Pub/Sub, not the CPU).
CONCURRENCY=80
CPU=1
MEMORY=256Mi
# Longer than any provider's own timeout; the publish deadline ends a request earlier.
TIMEOUT=60s
# A bound on cost and on Pub/Sub/Secret Manager load from a flood of requests.
MAX_INSTANCES=10

note() { printf '%s\n' "$*" >&2; }
die() { note "deploy.sh: $*"; exit 1; }

[[ $# -gt 0 ]] || die "usage: ./deploy.sh PROVIDER... | all"

# A shell word that `sh` and Python's shlex read back unchanged.
quote() {
  if [[ $1 =~ ^[A-Za-z0-9_./:=@%+,^-]+$ ]]; then
    printf '%s' "$1"
  else
    printf "'%s'" "${1//\'/\'\\\'\'}"
  fi
}

# run CMD...: print it (dry run) or run it; describe commands tell whether something exists.
run() {
  if [[ ${DRY_RUN:-} == 1 ]]; then
    local word line="gcloud"
    for word in "$@"; do line+=" $(quote "$word")"; done
    printf '%s\n' "$line"
    return 0
  fi
  gcloud "$@"
}
exists() {
  if [[ ${DRY_RUN:-} == 1 ]]; then
    run "$@" --format=value\(name\)
    return 1 # show the create that follows, as on a first run
  fi
  gcloud "$@" --format='value(name)' >/dev/null 2>&1
}

if ! command -v gcloud >/dev/null 2>&1; then
  [[ ${DRY_RUN:-} == 1 ]] || die "the gcloud CLI is not installed: https://cloud.google.com/sdk/docs/install"
fi
# Only what is really set (`get-value functions/region` answers a built-in default).
config() { command -v gcloud >/dev/null 2>&1 && gcloud config list --format="value($1)" 2>/dev/null || true; }
PROJECT=${PROJECT:-$(config core.project)}
REGION=${REGION:-$(config functions.region)}
REGION=${REGION:-$(config run.region)}
[[ -n $PROJECT ]] || die "no project: set PROJECT=... or run 'gcloud config set project ...'"
[[ -n $REGION ]] || die "no region: set REGION=... or run 'gcloud config set functions/region ...'"

PYTHON=${PYTHON:-python3}
[[ -x .venv/bin/python ]] && PYTHON=.venv/bin/python
PLAN=$("$PYTHON" scripts/deploy_plan.py "$@") || die "cannot read the providers (see above)"

run services enable cloudfunctions.googleapis.com run.googleapis.com cloudbuild.googleapis.com \
  artifactregistry.googleapis.com pubsub.googleapis.com secretmanager.googleapis.com --project="$PROJECT"

FUNCTIONS=()
while IFS=$'\t' read -r id function topic account secret_var secret_id extra access min_instances; do
  email="$account@$PROJECT.iam.gserviceaccount.com"
  member="serviceAccount:$email"

  exists pubsub topics describe "$topic" --project="$PROJECT" ||
    run pubsub topics create "$topic" --project="$PROJECT"

  exists iam service-accounts describe "$email" --project="$PROJECT" ||
    run iam service-accounts create "$account" --display-name="webhooks: $id" --project="$PROJECT"
  run pubsub topics add-iam-policy-binding "$topic" --member="$member" --role=roles/pubsub.publisher \
    --project="$PROJECT" --format=none

  env="GOOGLE_CLOUD_PROJECT=$PROJECT@@PUBSUB_TOPIC=$topic"
  if [[ $secret_var != - ]]; then
    if ! exists secrets describe "$secret_id" --project="$PROJECT"; then
      run secrets create "$secret_id" --replication-policy=automatic --labels=provider="${id//_/-}" \
        --project="$PROJECT"
      note "secret $secret_id was created empty; add the provider's value (from its settings page):"
      note "  printf %s 'THE-SECRET' | gcloud secrets versions add $secret_id --data-file=- --project=$PROJECT"
    fi
    run secrets add-iam-policy-binding "$secret_id" --member="$member" \
      --role=roles/secretmanager.secretAccessor --project="$PROJECT" --format=none
    # By reference: read at first use and re-read after a failed signature (rotation, no redeploy).
    env+="@@$secret_var=projects/$PROJECT/secrets/$secret_id/versions/latest"
  fi
  if [[ $extra != - ]]; then
    IFS=, read -r -a names <<<"$extra"
    for name in "${names[@]}"; do
      [[ -n ${!name:-} ]] && env+="@@$name=${!name}"
    done
  fi

  if [[ $access == private ]]; then auth=--no-allow-unauthenticated; else auth=--allow-unauthenticated; fi
  run functions deploy "$function" --gen2 --runtime="$RUNTIME" --region="$REGION" --source=. \
    --entry-point="$id" --trigger-http "$auth" --service-account="$email" \
    --set-env-vars="^@@^$env" --concurrency="$CONCURRENCY" --cpu="$CPU" --memory="$MEMORY" \
    --timeout="$TIMEOUT" --max-instances="$MAX_INSTANCES" --min-instances="$min_instances" \
    --project="$PROJECT" --quiet
  if [[ $access == private ]]; then
    note "$function accepts only callers with roles/run.invoker: grant it to the pushing service account:"
    note "  gcloud functions add-invoker-policy-binding $function --region=$REGION --member=serviceAccount:SA --project=$PROJECT"
  fi
  FUNCTIONS+=("$id:$function")
done <<<"$PLAN"

note ""
note "Paste each URL into the provider's webhook settings:"
for entry in "${FUNCTIONS[@]}"; do
  function=${entry#*:}
  if [[ ${DRY_RUN:-} == 1 ]]; then
    run functions describe "$function" --gen2 --region="$REGION" --project="$PROJECT" \
      --format=value\(serviceConfig.uri\)
  else
    url=$(gcloud functions describe "$function" --gen2 --region="$REGION" --project="$PROJECT" \
      --format='value(serviceConfig.uri)') || url="(no URL: see the deploy output above)"
    printf '%-20s %s\n' "${entry%%:*}" "$url"
  fi
done
