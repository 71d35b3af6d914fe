"""The gcloud commands that deploy providers, one per line, for deploy.sh.

    python scripts/deploy_plan.py PROJECT REGION PROVIDER... | all

Each line is `<guard>\\t<command>`: deploy.sh runs the command unless the guard (a
`describe`, or `-` for none) succeeds (`=url`: print the function's URL), so a second run creates nothing twice. IAM
bindings need no guard: adding one that exists changes nothing.

Settings, chosen on purpose (README "Deploy"):
- concurrency 80, 1 vCPU, 256 MiB: one instance absorbs a burst of 80 deliveries, each
  waiting on Pub/Sub rather than computing; bench/ measured the memory under that load;
- timeout 60 s: far above any provider's own timeout, so the function's own publish
  deadline, not Cloud Run, decides when to give up;
- max-instances 10 (MAX_INSTANCES): a flood of deliveries cannot scale without bound;
- min-instances 1 for providers that time out in under 5 s (Slack, Zoom, Okta, Twitch,
  Sentry...), so a cold start cannot make them miss it; 0 elsewhere;
- one bucket for bodies past a Pub/Sub message (issue 14, README "Large bodies"): see
  `bucket_steps` and `body_writer_steps`.
"""

from __future__ import annotations

import json
import os
import shlex
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import functions  # noqa: E402
from shared.google_token import GoogleToken  # noqa: E402
from shared.pipeline import STORED_MAX_BODY_BYTES  # noqa: E402
from shared.provider import Provider  # noqa: E402

RUNTIME = os.environ.get("RUNTIME", "python312")
MAX_INSTANCES = os.environ.get("MAX_INSTANCES", "10")
SECRET_SUFFIXES = ("_SECRET", "_TOKEN", "_KEY")
APIS = (
    "cloudfunctions.googleapis.com",
    "run.googleapis.com",
    "cloudbuild.googleapis.com",
    "artifactregistry.googleapis.com",
    "pubsub.googleapis.com",
    "secretmanager.googleapis.com",
    "storage.googleapis.com",
)
Step = tuple[list[str] | None, list[str]]


def dashed(provider_id: str) -> str:
    return provider_id.replace("_", "-")


def private(provider: Provider) -> bool:
    """Called with Google-signed ID tokens only: Cloud Run's IAM admits the callers."""
    return isinstance(provider.verify, GoogleToken)


def secret_variables(provider: Provider) -> list[str]:
    """The variables that hold secrets: its key, and any token or key among its settings."""
    main = f"{provider.id.upper()}_{provider.secret}"
    found = [main] if main.endswith(SECRET_SUFFIXES) else []
    return found + [v for v in provider.variables if v.endswith(SECRET_SUFFIXES) and v not in found]


def plain_variables(provider: Provider) -> dict[str, str]:
    """Settings that are not secrets, passed on from the operator's environment where set."""
    names = [f"{provider.id.upper()}_{provider.secret}", *provider.variables]
    secret = set(secret_variables(provider))
    return {name: os.environ[name] for name in names if name not in secret and os.environ.get(name, "").strip()}


def env_flag(variables: dict[str, str]) -> str:
    """`--set-env-vars`, with gcloud's `^|^` delimiter when a value holds a comma."""
    if any("," in value for value in variables.values()):
        return "--set-env-vars=^|^" + "|".join(f"{k}={v}" for k, v in variables.items())
    return "--set-env-vars=" + ",".join(f"{k}={v}" for k, v in variables.items())


def steps(provider: Provider, project: str, region: str) -> list[Step]:
    """Topic, service account, secrets and their bindings, then the function."""
    where = [f"--project={project}"]
    name = f"webhook-{dashed(provider.id)}"
    topic = f"webhooks-{dashed(provider.id)}"
    account = f"wh-{dashed(provider.id)}"[:30].rstrip("-")
    email = f"{account}@{project}.iam.gserviceaccount.com"
    member = f"--member=serviceAccount:{email}"
    plan: list[Step] = [
        (
            ["gcloud", "pubsub", "topics", "describe", topic, *where],
            ["gcloud", "pubsub", "topics", "create", topic, *where],
        ),
        (
            ["gcloud", "iam", "service-accounts", "describe", email, *where],
            [
                "gcloud",
                "iam",
                "service-accounts",
                "create",
                account,
                f"--display-name=Receives {provider.id} webhooks",
                *where,
            ],
        ),
        (
            None,
            [
                "gcloud",
                "pubsub",
                "topics",
                "add-iam-policy-binding",
                topic,
                member,
                "--role=roles/pubsub.publisher",
                *where,
            ],
        ),
    ]
    env = {"GOOGLE_CLOUD_PROJECT": project, "PUBSUB_TOPIC": topic}
    for variable in secret_variables(provider):
        secret = dashed(variable.lower())
        plan.append(
            (
                ["gcloud", "secrets", "describe", secret, *where],
                ["gcloud", "secrets", "create", secret, "--replication-policy=automatic", *where],
            )
        )
        plan.append(
            (
                None,
                [
                    "gcloud",
                    "secrets",
                    "add-iam-policy-binding",
                    secret,
                    member,
                    "--role=roles/secretmanager.secretAccessor",
                    *where,
                ],
            )
        )
        # By reference, read through Secret Manager at first use and re-read on a failed
        # signature: a new version is picked up without a redeploy (README "Rotate a secret").
        env[variable] = f"projects/{project}/secrets/{secret}/versions/latest"
    if stores_bodies(provider):
        plan.append(body_writer_steps(provider, project, email))
        env.update(body_variables(project))
    env.update(plain_variables(provider))
    if private(provider):
        env[f"{provider.id.upper()}_INVOKER_IAM"] = "true"
    deploy = [
        "gcloud",
        "functions",
        "deploy",
        name,
        "--gen2",
        f"--runtime={RUNTIME}",
        f"--region={region}",
        "--source=.",
        f"--entry-point={provider.id}",
        "--trigger-http",
        "--no-allow-unauthenticated" if private(provider) else "--allow-unauthenticated",
        f"--service-account={email}",
        env_flag(env),
        "--concurrency=80",
        "--cpu=1",
        "--memory=256Mi",
        "--timeout=60s",
        f"--max-instances={MAX_INSTANCES}",
        f"--min-instances={1 if provider.timeout < 5 else 0}",
        *where,
    ]
    plan.append((None, deploy))
    if private(provider):
        callers = os.environ.get(f"{provider.id.upper()}_{provider.secret}", "")
        for caller in (c.strip() for c in callers.replace("\n", ",").split(",") if c.strip()):
            plan.append(
                (
                    None,
                    [
                        "gcloud",
                        "functions",
                        "add-invoker-policy-binding",
                        name,
                        f"--region={region}",
                        f"--member=serviceAccount:{caller}",
                        *where,
                    ],
                )
            )
    return plan


# Bodies past a Pub/Sub message (issue 14): one bucket, each function allowed to create
# objects under its own prefix only. Unverified bodies are never finalised (an upload
# session is cancelled, shared/bodies.py), so no function may delete or read anything.


def body_bucket(project: str) -> str:
    """BODY_BUCKET from the operator's environment, else `<project>-webhook-bodies`."""
    return os.environ.get("BODY_BUCKET", "").strip() or f"{project}-webhook-bodies"


def retention_days() -> int:
    """BODY_RETENTION_DAYS (default 7): stored bodies are deleted this many days after writing."""
    value = os.environ.get("BODY_RETENTION_DAYS", "").strip() or "7"
    if not value.isdigit() or int(value) < 1:
        raise SystemExit("BODY_RETENTION_DAYS must be a whole number of days, 1 or more")
    return int(value)


def stores_bodies(provider: Provider) -> bool:
    """Whether the function publishes the raw body, so large ones go to the bucket (not Pub/Sub push)."""
    return provider.payload is None


def body_variables(project: str) -> dict[str, str]:
    """What a function needs to store large bodies: the bucket, and Cloud Run's bound on a body."""
    return {"BODY_BUCKET": body_bucket(project), "MAX_BODY_BYTES": str(STORED_MAX_BODY_BYTES)}


def lifecycle_file(days: int) -> str:
    """A lifecycle configuration deleting objects `days` after they were written (gcloud reads a file)."""
    path = Path(tempfile.gettempdir()) / f"webhook-bodies-lifecycle-{days}d.json"
    path.write_text(json.dumps({"rule": [{"action": {"type": "Delete"}, "condition": {"age": days}}]}))
    return str(path)


def bucket_steps(project: str, region: str) -> list[Step]:
    """The bucket, created once in the region, then its settings enforced on every run."""
    bucket = f"gs://{body_bucket(project)}"
    where = [f"--project={project}"]
    # Uniform access (IAM only, no object ACLs; it also allows the conditions below) and
    # public access prevention; no soft delete, so a deleted body stops costing at once.
    settings = ["--uniform-bucket-level-access", "--public-access-prevention", "--soft-delete-duration=0"]
    return [
        (
            ["gcloud", "storage", "buckets", "describe", bucket, *where],
            ["gcloud", "storage", "buckets", "create", bucket, f"--location={region}", *settings, *where],
        ),
        (
            None,
            [
                "gcloud",
                "storage",
                "buckets",
                "update",
                bucket,
                *settings,
                f"--lifecycle-file={lifecycle_file(retention_days())}",
                *where,
            ],
        ),
    ]


def body_writer_steps(provider: Provider, project: str, email: str) -> Step:
    """The function's account may create objects under `<provider>/` in the bucket, nothing else.

    roles/storage.objectCreator holds storage.objects.create (the upload session and its
    object); the condition narrows it to this provider's prefix. It cannot overwrite
    (that needs delete), read, list or delete: a redelivery finds its object kept.
    """
    bucket = body_bucket(project)
    prefix = f"projects/_/buckets/{bucket}/objects/{provider.id}/"
    return (
        None,
        [
            "gcloud",
            "storage",
            "buckets",
            "add-iam-policy-binding",
            f"gs://{bucket}",
            f"--member=serviceAccount:{email}",
            "--role=roles/storage.objectCreator",
            f'--condition=expression=resource.name.startsWith("{prefix}"),title={dashed(provider.id)} bodies only',
            f"--project={project}",
        ],
    )


def grant_body_reader(project: str, email: str) -> Step:
    """For the consume side (`deploy.sh consume`): its account may read stored bodies (objects get)."""
    return (
        None,
        [
            "gcloud",
            "storage",
            "buckets",
            "add-iam-policy-binding",
            f"gs://{body_bucket(project)}",
            f"--member=serviceAccount:{email}",
            "--role=roles/storage.objectViewer",
            f"--project={project}",
        ],
    )


def plan(providers: list[str], project: str, region: str) -> list[Step]:
    """Every step for these providers (`all`: every provider), or a SystemExit saying what is wrong."""
    known = functions.names()
    chosen = list(known) if providers == ["all"] else providers
    unknown = [p for p in chosen if p not in known]
    if unknown or not chosen:
        raise SystemExit(f"unknown provider(s): {' '.join(unknown) or '(none given)'}; known: all {' '.join(known)}")
    missing = [
        f"{p.upper()}_{functions.load(p).secret}"
        for p in chosen
        if private(functions.load(p)) and not os.environ.get(f"{p.upper()}_{functions.load(p).secret}", "").strip()
    ]
    if missing:
        raise SystemExit(f"set {', '.join(missing)} (the service accounts allowed to call) first")
    # The APIs everything below needs; enabling one that is on changes nothing.
    result: list[Step] = [(None, ["gcloud", "services", "enable", *APIS, f"--project={project}"])]
    if any(stores_bodies(functions.load(p)) for p in chosen):
        result += bucket_steps(project, region)
    for provider_id in chosen:
        result += steps(functions.load(provider_id), project, region)
    # Last, the URLs to paste into each provider's webhook settings (guard `=url`).
    for provider_id in chosen:
        name = f"webhook-{dashed(provider_id)}"
        describe = ["gcloud", "functions", "describe", name, f"--region={region}", f"--project={project}"]
        result.append((["=url"], [*describe, "--format=value(url)"]))
    return result


def main() -> None:
    if len(sys.argv) < 4:
        raise SystemExit(__doc__.strip().splitlines()[2].strip())
    project, region, *providers = sys.argv[1:]
    for guard, command in plan(providers, project, region):
        print(f"{guard[0] if guard == ['=url'] else shlex.join(guard) if guard else '-'}\t{shlex.join(command)}")


if __name__ == "__main__":
    main()
