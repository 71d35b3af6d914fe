#!/usr/bin/env bash
# Deploy providers as Cloud Run functions, one function each, and `consume` (handlers/):
#   ./deploy.sh PROVIDER... | all | consume
# PROJECT and REGION, else gcloud config (project; functions/region, else run/region).
# DRY_RUN=1 prints each gcloud command it would run, one per line, and nothing else on stdout.
set -euo pipefail
cd "$(dirname "$0")"

if [ $# -eq 0 ]; then
  echo "usage: ./deploy.sh PROVIDER... | all | consume   (DRY_RUN=1 to print the commands)" >&2
  exit 2
fi
command -v gcloud >/dev/null || { echo "deploy.sh needs the gcloud CLI: https://cloud.google.com/sdk/docs/install" >&2; exit 1; }
python=python3
[ -x .venv/bin/python ] && python=.venv/bin/python

config() { gcloud config get-value "$1" 2>/dev/null | grep -v '^(unset)$' || true; }
project=${PROJECT:-$(config project)}
region=${REGION:-$(config functions/region)}
region=${region:-$(config run/region)}
[ -n "$project" ] || { echo "set PROJECT=... or run: gcloud config set project PROJECT" >&2; exit 1; }
[ -n "$region" ] || { echo "set REGION=... or run: gcloud config set functions/region REGION" >&2; exit 1; }

plan=$("$python" scripts/deploy_plan.py "$project" "$region" "$@")

# Values only gcloud knows, asked for when a command first needs them (scripts/deploy_plan.py).
resolve() {  # sets $resolved; not run in a subshell, so each value is asked for once
  local line=$1
  if [[ $line == *@PROJECT_NUMBER@* ]]; then
    [ -n "${project_number:-}" ] || project_number=$(gcloud projects describe "$project" --format='value(projectNumber)')
    line=${line//@PROJECT_NUMBER@/$project_number}
  fi
  if [[ $line == *@CONSUME_URL@* ]]; then
    [ -n "${consume_url:-}" ] || consume_url=$(gcloud functions describe webhook-consume --region="$region" --project="$project" --format='value(url)')
    line=${line//@CONSUME_URL@/$consume_url}
  fi
  resolved=$line
}

while IFS=$'\t' read -r guard command; do
  if [ -z "${DRY_RUN:-}" ]; then
    resolve "$command"
    command=$resolved
  fi
  if [ -n "${DRY_RUN:-}" ]; then
    echo "$command"
  elif [ "$guard" = "=url" ]; then
    echo "$(echo "$command" | cut -d' ' -f4): $(eval "$command")"
  elif [ "$guard" != "-" ] && eval "$guard" >/dev/null 2>&1; then
    echo "exists: ${guard#gcloud }" >&2
  else
    echo "+ $command" >&2
    eval "$command" >&2
    case "$command" in
      "gcloud secrets create "*)
        secret=$(echo "$command" | cut -d' ' -f4)
        echo "  add its value (none is invented): printf %s 'THE SECRET' | gcloud secrets versions add $secret --data-file=- --project=$project" >&2
        ;;
    esac
  fi
done <<< "$plan"
