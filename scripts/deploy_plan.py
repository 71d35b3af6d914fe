"""The gcloud commands that deploy providers (and `consume`), one per line, for deploy.sh.

    python scripts/deploy_plan.py PROJECT REGION PROVIDER... | all | consume

Each line is `<guard>\\t<command>`: deploy.sh runs the command unless the guard (a
`describe`, or `-` for none) succeeds (`=url`: print the function's URL), so a second run creates nothing twice. IAM
bindings need no guard: adding one that exists changes nothing.

Settings, chosen on purpose (README "Deploy"):
- concurrency 80, 1 vCPU, 256 MiB: one instance absorbs a burst of 80 deliveries, each
  waiting on Pub/Sub rather than computing; bench/ measured the memory under that load;
- timeout 60 s: far above any provider's own timeout, so the function's own publish
  deadline, not Cloud Run, decides when to give up;
- max-instances 10 (MAX_INSTANCES): a flood of deliveries cannot scale without bound;
- topics keep messages TOPIC_RETENTION (7d): a subscription can be sought back over
  acknowledged ones (README "Replay and dead letters");
- min-instances 1 for providers that time out in under 5 s (Slack, Zoom, Okta, Twitch,
  Sentry...), so a cold start cannot make them miss it; 0 elsewhere;
- one bucket for bodies past a Pub/Sub message (issue 14, README "Large bodies"): see
  `bucket_steps` and `body_writer_steps`.

`consume` (README "Consuming events") names two values only gcloud knows when it runs, left
as placeholders deploy.sh fills in: @PROJECT_NUMBER@ (the Pub/Sub service agent's address)
and @CONSUME_URL@ (the deployed function's URL, the push endpoint).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import functions  # noqa: E402
from shared.google_token import GoogleToken  # noqa: E402
from shared.limits import STORED_MAX_BODY_BYTES  # noqa: E402
from shared.provider import Provider  # noqa: E402
from shared.publisher import topic_id  # noqa: E402

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
CONSUME = "consume"
PROJECT_NUMBER = "@PROJECT_NUMBER@"
CONSUME_URL = "@CONSUME_URL@"
# Pub/Sub's exponential backoff between redeliveries of a push that was not acknowledged.
MIN_RETRY_DELAY = "10s"
MAX_RETRY_DELAY = "600s"


def topic_retention() -> str:
    """TOPIC_RETENTION: how long each topic keeps messages, acknowledged or not, so that a
    subscription can be sought back (scripts/replay.py); `0` keeps none."""
    value = os.environ.get("TOPIC_RETENTION", "").strip() or "7d"
    match = re.fullmatch(r"(\d+)([smhd]?)", value)
    seconds = int(match[1]) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[match[2]] if match else -1
    # Pub/Sub's bounds for a topic's retention.
    if seconds != 0 and not 600 <= seconds <= 31 * 86400:
        raise SystemExit(f"TOPIC_RETENTION={value!r}: a duration from 10m to 31d (7d, 36h...), or 0 for none")
    return value if seconds else ""


def retention_flag(retention: str, *, create: bool) -> list[str]:
    if retention:
        return [f"--message-retention-duration={retention}"]
    return [] if create else ["--clear-message-retention-duration"]


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
    topic = topic_id(provider.id)
    account = f"wh-{dashed(provider.id)}"[:30].rstrip("-")
    email = f"{account}@{project}.iam.gserviceaccount.com"
    member = f"--member=serviceAccount:{email}"
    retention = topic_retention()
    plan: list[Step] = [
        (
            ["gcloud", "pubsub", "topics", "describe", topic, *where],
            ["gcloud", "pubsub", "topics", "create", topic, *retention_flag(retention, create=True), *where],
        ),
        # The create above is skipped for a topic that exists: set its retention all the same
        # (no guard: setting the value it has changes nothing).
        (None, ["gcloud", "pubsub", "topics", "update", topic, *retention_flag(retention, create=False), *where]),
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


def consumed(known: tuple[str, ...]) -> list[str]:
    """CONSUME_PROVIDERS (comma-separated, or `all`), else the providers the handlers name."""
    listed = [p.strip() for p in os.environ.get("CONSUME_PROVIDERS", "").split(",") if p.strip()]
    if listed == ["all"]:
        return list(known)
    if listed:
        unknown = [p for p in listed if p not in known]
        if unknown:
            raise SystemExit(f"CONSUME_PROVIDERS: unknown provider(s): {' '.join(unknown)}")
        return listed
    from shared.consume import registry

    try:
        registry.load()
    except Exception as error:  # noqa: BLE001 - user code: say what to do instead
        raise SystemExit(
            f"importing the handlers ({', '.join(registry.modules())}) failed with {type(error).__name__}: "
            "set CONSUME_PROVIDERS=github,stripe,... to name the consumed providers"
        ) from None
    found = registry.providers(known)
    if not found:
        raise SystemExit("no handler names a provider: add one to handlers/, or set CONSUME_PROVIDERS")
    return found


def _setting(name: str, default: int, low: int, high: int) -> int:
    value = os.environ.get(name, "").strip() or str(default)
    if not value.isdigit() or not low <= int(value) <= high:
        raise SystemExit(f"{name} must be a whole number from {low} to {high}")
    return int(value)


def consume_steps(providers: list[str], project: str, region: str) -> list[Step]:
    """Firestore, the `consume` function and its accounts, then per provider its push and dead-letter plumbing."""
    where = [f"--project={project}"]
    account = f"wh-{CONSUME}@{project}.iam.gserviceaccount.com"
    pusher = f"wh-{CONSUME}-push@{project}.iam.gserviceaccount.com"
    agent = f"serviceAccount:service-{PROJECT_NUMBER}@gcp-sa-pubsub.iam.gserviceaccount.com"
    collection = os.environ.get("CONSUME_COLLECTION", "").strip() or "webhook-deliveries"
    # Pub/Sub allows 5 to 100 delivery attempts, and an ack deadline of 10 to 600 s.
    attempts = _setting("CONSUME_MAX_ATTEMPTS", 10, 5, 100)
    lease = _setting("CONSUME_LEASE_SECONDS", 60, 10, 600)
    _setting("CONSUME_DEDUP_DAYS", 7, 0, 3650)
    plan: list[Step] = [
        (
            ["gcloud", "firestore", "databases", "describe", "--database=(default)", *where],
            [
                "gcloud",
                "firestore",
                "databases",
                "create",
                f"--location={os.environ.get('FIRESTORE_LOCATION', '').strip() or region}",
                "--type=firestore-native",
                *where,
            ],
        ),
        # Records expire CONSUME_DEDUP_DAYS after their event: Firestore deletes them (within a day or so).
        (
            None,
            [
                "gcloud",
                "firestore",
                "fields",
                "ttls",
                "update",
                "expires",
                f"--collection-group={collection}",
                "--enable-ttl",
                "--async",
                *where,
            ],
        ),
    ]
    for name, purpose in ((f"wh-{CONSUME}", "Runs webhook handlers"), (f"wh-{CONSUME}-push", "Pushes webhook events")):
        email = f"{name}@{project}.iam.gserviceaccount.com"
        plan.append(
            (
                ["gcloud", "iam", "service-accounts", "describe", email, *where],
                ["gcloud", "iam", "service-accounts", "create", name, f"--display-name={purpose}", *where],
            )
        )
    # The function's own account: Firestore, nothing else (no role on any topic).
    plan.append(
        (
            None,
            [
                "gcloud",
                "projects",
                "add-iam-policy-binding",
                project,
                f"--member=serviceAccount:{account}",
                "--role=roles/datastore.user",
                "--condition=None",
            ],
        )
    )
    # No token check of our own by default: Cloud Run's IAM admits only the push account
    # (roles/run.invoker below). CONSUME_SERVICE_ACCOUNTS (and CONSUME_AUDIENCE, the push
    # endpoint) add one on top, on the token Cloud Run passes on.
    env = {"GOOGLE_CLOUD_PROJECT": project}
    for name in (
        "CONSUME_COLLECTION",
        "CONSUME_DEDUP_DAYS",
        "CONSUME_LEASE_SECONDS",
        "CONSUME_HANDLERS",
        "CONSUME_SERVICE_ACCOUNTS",
        "CONSUME_AUDIENCE",
    ):
        if os.environ.get(name, "").strip():
            env[name] = os.environ[name].strip()
    if "CONSUME_SERVICE_ACCOUNTS" in env:
        env["CONSUME_INVOKER_IAM"] = "true"
    plan.append(
        (
            None,
            [
                "gcloud",
                "functions",
                "deploy",
                f"webhook-{CONSUME}",
                "--gen2",
                f"--runtime={RUNTIME}",
                f"--region={region}",
                "--source=.",
                f"--entry-point={CONSUME}",
                "--trigger-http",
                "--no-allow-unauthenticated",
                f"--service-account={account}",
                env_flag(env),
                # Handlers run on 32 threads per instance (shared/consume/push.py).
                "--concurrency=32",
                "--cpu=1",
                "--memory=512Mi",
                f"--timeout={lease}s",
                f"--max-instances={MAX_INSTANCES}",
                "--min-instances=0",
                *where,
            ],
        )
    )
    plan.append(
        (
            None,
            [
                "gcloud",
                "functions",
                "add-invoker-policy-binding",
                f"webhook-{CONSUME}",
                f"--region={region}",
                f"--member=serviceAccount:{pusher}",
                *where,
            ],
        )
    )
    # Pub/Sub mints the push account's tokens: needed where Pub/Sub was enabled before April 2021.
    plan.append(
        (
            None,
            [
                "gcloud",
                "iam",
                "service-accounts",
                "add-iam-policy-binding",
                pusher,
                f"--member={agent}",
                "--role=roles/iam.serviceAccountTokenCreator",
                *where,
            ],
        )
    )
    for provider_id in providers:
        topic = topic_id(provider_id)
        dead = f"{topic}-dead"
        subscription = f"{topic}-{CONSUME}"
        for name in (topic, dead):
            # The provider's topic keeps messages for replay, as its own deploy makes it.
            kept = retention_flag(topic_retention(), create=True) if name == topic else []
            plan.append(
                (
                    ["gcloud", "pubsub", "topics", "describe", name, *where],
                    ["gcloud", "pubsub", "topics", "create", name, *kept, *where],
                )
            )
        plan.append(
            (
                ["gcloud", "pubsub", "subscriptions", "describe", dead, *where],
                [
                    "gcloud",
                    "pubsub",
                    "subscriptions",
                    "create",
                    dead,
                    f"--topic={dead}",
                    "--message-retention-duration=7d",
                    # An unused subscription is deleted after 31 days by default, its dead letters with it.
                    "--expiration-period=never",
                    *where,
                ],
            )
        )
        plan.append(
            (
                ["gcloud", "pubsub", "subscriptions", "describe", subscription, *where],
                [
                    "gcloud",
                    "pubsub",
                    "subscriptions",
                    "create",
                    subscription,
                    f"--topic={topic}",
                    f"--push-endpoint={CONSUME_URL}",
                    f"--push-auth-service-account={pusher}",
                    f"--ack-deadline={lease}",
                    f"--min-retry-delay={MIN_RETRY_DELAY}",
                    f"--max-retry-delay={MAX_RETRY_DELAY}",
                    f"--dead-letter-topic={dead}",
                    f"--max-delivery-attempts={attempts}",
                    "--expiration-period=never",
                    *where,
                ],
            )
        )
        # Dead-lettering is done by Pub/Sub's service agent: it publishes to the dead-letter
        # topic and acknowledges on the source subscription.
        plan.append(
            (
                None,
                [
                    "gcloud",
                    "pubsub",
                    "topics",
                    "add-iam-policy-binding",
                    dead,
                    f"--member={agent}",
                    "--role=roles/pubsub.publisher",
                    *where,
                ],
            )
        )
        plan.append(
            (
                None,
                [
                    "gcloud",
                    "pubsub",
                    "subscriptions",
                    "add-iam-policy-binding",
                    subscription,
                    f"--member={agent}",
                    "--role=roles/pubsub.subscriber",
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
    prefix = f"projects/_/buckets/{body_bucket(project)}/objects/{provider.id}/"
    condition = f'--condition=expression=resource.name.startsWith("{prefix}"),title={dashed(provider.id)} bodies only'
    return _bucket_binding(project, email, "roles/storage.objectCreator", condition)


def grant_body_reader(project: str, email: str) -> Step:
    """For the consume side (`deploy.sh consume`): its account may read stored bodies (objects get)."""
    return _bucket_binding(project, email, "roles/storage.objectViewer")


def _bucket_binding(project: str, email: str, role: str, *extra: str) -> Step:
    """A role for one service account on the bodies bucket alone."""
    bucket = f"gs://{body_bucket(project)}"
    member = f"--member=serviceAccount:{email}"
    return (
        None,
        ["gcloud", "storage", "buckets", "add-iam-policy-binding", bucket, member, f"--role={role}", *extra]
        + [f"--project={project}"],
    )


def plan(providers: list[str], project: str, region: str) -> list[Step]:
    """Every step for these providers (`all`: every provider), or a SystemExit saying what is wrong."""
    known = functions.names()
    consume = CONSUME in providers
    providers = [p for p in providers if p != CONSUME]
    chosen = list(known) if providers == ["all"] else providers
    unknown = [p for p in chosen if p not in known]
    if unknown or not (chosen or consume):
        raise SystemExit(
            f"unknown provider(s): {' '.join(unknown) or '(none given)'}; known: all consume {' '.join(known)}"
        )
    missing = [
        f"{p.upper()}_{functions.load(p).secret}"
        for p in chosen
        if private(functions.load(p)) and not os.environ.get(f"{p.upper()}_{functions.load(p).secret}", "").strip()
    ]
    if missing:
        raise SystemExit(f"set {', '.join(missing)} (the service accounts allowed to call) first")
    consumed_providers = consumed(known) if consume else []
    # The APIs everything below needs; enabling one that is on changes nothing.
    apis = [*APIS, "firestore.googleapis.com"] if consume else list(APIS)
    result: list[Step] = [(None, ["gcloud", "services", "enable", *apis, f"--project={project}"])]
    stored = any(stores_bodies(functions.load(p)) for p in [*chosen, *consumed_providers])
    if stored:
        result += bucket_steps(project, region)
    for provider_id in chosen:
        result += steps(functions.load(provider_id), project, region)
    if consume:
        result += consume_steps(consumed_providers, project, region)
        if stored:
            # Event.body reads a stored body back (issue 14).
            result.append(grant_body_reader(project, f"wh-{CONSUME}@{project}.iam.gserviceaccount.com"))
    # Last, the URLs to paste into each provider's webhook settings (guard `=url`).
    for provider_id in [*chosen, *([CONSUME] if consume else [])]:
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
