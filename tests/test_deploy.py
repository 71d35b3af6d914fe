"""deploy.sh: its dry run, checked by the real gcloud CLI, and its idempotence against a gcloud double."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from functions import PROVIDERS
from scripts.deploy_plan import plan, private, secret_variables

ROOT = Path(__file__).resolve().parent.parent
CALLERS = {
    f"{p.upper()}_{PROVIDERS[p].secret}": f"caller-{p.replace('_', '-')}@other-project.iam.gserviceaccount.com"
    for p in PROVIDERS
    if private(PROVIDERS[p])
}
NO_ACCOUNT = "You do not currently have an active account selected"

pytestmark = pytest.mark.skipif(
    shutil.which("gcloud") is None and os.environ.get("CI") != "true", reason="needs the gcloud CLI"
)


def run(*args: str, env: dict[str, str] | None = None, dry: bool = True) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in ("PROJECT", "REGION", "TOPIC_RETENTION", *CALLERS)}
    extra = {"DRY_RUN": "1"} if dry else {}
    return subprocess.run(
        ["./deploy.sh", *args],
        cwd=ROOT,
        env={**base, **extra, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def dry_run_all() -> list[str]:
    result = run("all", env={"PROJECT": "my-project", "REGION": "europe-west1", **CALLERS})
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


@pytest.fixture(scope="module")
def dry_run_consume() -> list[str]:
    """`consume` for the providers tests/consume_handlers.py names (github), and stripe by list."""
    env = {"PROJECT": "my-project", "REGION": "europe-west1", "PYTHONPATH": str(ROOT)}
    named = run("consume", env={**env, "CONSUME_HANDLERS": "tests.consume_handlers"})
    assert named.returncode == 0, named.stderr
    listed = run("consume", env={**env, "CONSUME_PROVIDERS": "stripe", "CONSUME_MAX_ATTEMPTS": "7"})
    assert listed.returncode == 0, listed.stderr
    return named.stdout.splitlines() + listed.stdout.splitlines()


def test_planning_needs_only_python3_and_gcloud(tmp_path, dry_run_all) -> None:
    """A fresh clone, no .venv, and a python3 that cannot see any site-packages plans every provider."""
    clone = tmp_path / "clone"
    shutil.copytree(ROOT, clone, ignore=shutil.ignore_patterns(".venv", ".git", "__pycache__", ".*_cache"))
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    # -S: no site-packages at all, only the standard library (issue 16).
    (bin_dir / "python3").write_text(f'#!/bin/sh\nexec "{sys.executable}" -I -S "$@"\n')
    (bin_dir / "python3").chmod(0o755)
    gcloud = Path(shutil.which("gcloud") or "gcloud").parent
    env = {
        "PATH": f"{bin_dir}:{gcloud}:/usr/bin:/bin",
        "HOME": os.environ.get("HOME", "/tmp"),
        "DRY_RUN": "1",
        "PROJECT": "my-project",
        "REGION": "europe-west1",
        **CALLERS,
    }
    result = subprocess.run(["./deploy.sh", "all"], cwd=clone, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == dry_run_all


def test_dry_run_prints_only_gcloud_commands(dry_run_all) -> None:
    assert dry_run_all and all(line.startswith("gcloud ") for line in dry_run_all)


def deploys(lines: list[str]) -> dict[str, list[str]]:
    found = {}
    for line in lines:
        words = shlex.split(line)
        if words[:3] == ["gcloud", "functions", "deploy"]:
            entry = next(w for w in words if w.startswith("--entry-point=")).split("=", 1)[1]
            found[entry] = words
    return found


def test_each_provider_is_its_own_function_with_least_privilege(dry_run_all) -> None:
    functions = deploys(dry_run_all)
    assert set(functions) == set(PROVIDERS)
    for provider_id, words in functions.items():
        account = f"wh-{provider_id.replace('_', '-')}"[:30].rstrip("-")
        member = f"--member=serviceAccount:{account}@my-project.iam.gserviceaccount.com"
        assert "--gen2" in words and "--runtime=python312" in words and "--trigger-http" in words
        assert ("--no-allow-unauthenticated" if private(PROVIDERS[provider_id]) else "--allow-unauthenticated") in words
        granted = [shlex.split(line) for line in dry_run_all if member in line and "add-iam-policy-binding" in line]
        # Publisher on its own topic only; accessor on its own secrets only.
        assert [g[4] for g in granted if "--role=roles/pubsub.publisher" in g] == [
            f"webhooks-{provider_id.replace('_', '-')}"
        ]
        secrets = [v.lower().replace("_", "-") for v in secret_variables(PROVIDERS[provider_id])]
        assert [g[3] for g in granted if "--role=roles/secretmanager.secretAccessor" in g] == secrets
        env = next(w for w in words if w.startswith("--set-env-vars="))
        for variable, secret in zip(secret_variables(PROVIDERS[provider_id]), secrets, strict=True):
            assert f"{variable}=projects/my-project/secrets/{secret}/versions/latest" in env


def test_private_providers_admit_their_callers(dry_run_all) -> None:
    for variable, caller in CALLERS.items():
        assert any("add-invoker-policy-binding" in line and caller in line for line in dry_run_all), variable


# Provider ids as they appear in resource names (`webhook-pubsub-push`, `wh-github@...`), and
# `consume`'s names, with their suffixes (`webhooks-github-dead`, `wh-consume-push`).
_IDS = re.compile(
    "("
    + "|".join(sorted((re.escape(p.replace("_", "-")) for p in (*PROVIDERS, "consume")), key=len, reverse=True))
    + ")(-dead|-consume|-push)?"
)


def shape(line: str) -> tuple[str, ...]:
    """The command, its positional words with provider ids blanked, and the names of its flags.

    One run of each shape checks every flag and argument form: the same command for
    another provider differs only in names.
    """
    words = shlex.split(line)
    path = tuple(_IDS.sub("ID", w.replace("_", "-")) for w in words if not w.startswith("-"))
    return path + tuple(sorted(w.split("=", 1)[0] for w in words if w.startswith("--")))


def gcloud_verdict(line: str) -> str:
    """What the real gcloud says of one command with no account: the first line of its error."""
    config = Path(os.environ.get("TMPDIR", "/tmp")) / f"gcloud-empty-{os.getpid()}-{abs(hash(line))}"
    config.mkdir(exist_ok=True)
    result = subprocess.run(
        shlex.split(line),
        cwd=ROOT,
        env={**os.environ, "CLOUDSDK_CONFIG": str(config), "CLOUDSDK_CORE_DISABLE_PROMPTS": "1"},
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    shutil.rmtree(config, ignore_errors=True)
    return result.stderr


def test_real_gcloud_accepts_every_flag(dry_run_all, dry_run_consume) -> None:
    """Every command fails for lack of credentials only, never for a flag or an argument."""
    representatives = {shape(line): line for line in [*dry_run_all, *dry_run_consume]}
    with ThreadPoolExecutor(4) as pool:
        verdicts = dict(zip(representatives.values(), pool.map(gcloud_verdict, representatives.values()), strict=True))
    wrong = {line: err for line, err in verdicts.items() if NO_ACCOUNT not in err}
    assert wrong == {}


def test_every_topic_keeps_messages_for_replay(dry_run_all) -> None:
    """TOPIC_RETENTION (7d) on each topic: set on create, and by an update for a topic that exists."""
    topics = [f"webhooks-{p.replace('_', '-')}" for p in PROVIDERS]
    for verb in ("create", "update"):
        found = [shlex.split(line) for line in dry_run_all if line.startswith(f"gcloud pubsub topics {verb} ")]
        assert sorted(words[4] for words in found) == sorted(topics)
        assert all("--message-retention-duration=7d" in words for words in found)


def test_consume_creates_the_provider_topic_with_retention_and_its_dead_letters_without(dry_run_consume) -> None:
    created = {
        w[4]: w
        for w in (shlex.split(line) for line in dry_run_consume)
        if w[:4] == ["gcloud", "pubsub", "topics", "create"]
    }
    assert {name: "--message-retention-duration=7d" in words for name, words in created.items()} == {
        "webhooks-github": True,
        "webhooks-github-dead": False,
        "webhooks-stripe": True,
        "webhooks-stripe-dead": False,
    }


def topic_commands(retention: str, monkeypatch) -> list[str]:
    monkeypatch.setenv("TOPIC_RETENTION", retention)
    steps = plan(["github"], "my-project", "europe-west1")
    return [shlex.join(command) for _, command in steps if command[:3] == ["gcloud", "pubsub", "topics"]][:2]


def test_topic_retention_can_be_changed_or_cleared_and_gcloud_takes_it(monkeypatch) -> None:
    assert topic_commands("36h", monkeypatch) == [
        "gcloud pubsub topics create webhooks-github --message-retention-duration=36h --project=my-project",
        "gcloud pubsub topics update webhooks-github --message-retention-duration=36h --project=my-project",
    ]
    cleared = topic_commands("0", monkeypatch)
    assert cleared == [
        "gcloud pubsub topics create webhooks-github --project=my-project",
        "gcloud pubsub topics update webhooks-github --clear-message-retention-duration --project=my-project",
    ]
    assert NO_ACCOUNT in gcloud_verdict(cleared[1])
    for wrong in ("5m", "32d", "7x"):
        with pytest.raises(SystemExit, match=f"TOPIC_RETENTION='{wrong}'"):
            topic_commands(wrong, monkeypatch)
    result = run("github", env={"PROJECT": "p", "REGION": "r", "TOPIC_RETENTION": "1y"})
    assert result.returncode == 1 and result.stdout == "" and "TOPIC_RETENTION='1y'" in result.stderr


# Google's rules for the names deploy.sh makes (the gcloud check above blanks the names).
NAME_RULES = {
    ("functions", "deploy"): r"[a-z][a-z0-9-]{0,61}[a-z0-9]",  # Cloud Run service: 63 at most
    ("service-accounts", "create"): r"[a-z][a-z0-9-]{4,28}[a-z0-9]",  # account id: 6 to 30
    ("secrets", "create"): r"[A-Za-z0-9_-]{1,255}",
    ("topics", "create"): r"[A-Za-z][A-Za-z0-9._~+%-]{2,254}",
    ("subscriptions", "create"): r"[A-Za-z][A-Za-z0-9._~+%-]{2,254}",
}


def test_every_resource_name_follows_googles_rules(dry_run_all, dry_run_consume) -> None:
    checked = 0
    for line in [*dry_run_all, *dry_run_consume]:
        words = [w for w in shlex.split(line) if not w.startswith("-")]
        for (group, verb), rule in NAME_RULES.items():
            if group in words and words[words.index(group) + 1 : words.index(group) + 2] == [verb]:
                name = words[words.index(group) + 2]
                assert re.fullmatch(rule, name), (name, line)
                checked += 1
    assert checked >= 3 * len(PROVIDERS)


def flags(words: list[str]) -> dict[str, str]:
    return dict(w.removeprefix("--").split("=", 1) for w in words if w.startswith("--") and "=" in w)


def test_consume_has_least_privilege_retries_and_dead_letters(dry_run_consume) -> None:
    lines = [shlex.split(line) for line in dry_run_consume]
    account = "serviceAccount:wh-consume@my-project.iam.gserviceaccount.com"
    pusher = "wh-consume-push@my-project.iam.gserviceaccount.com"
    agent = "serviceAccount:service-@PROJECT_NUMBER@@gcp-sa-pubsub.iam.gserviceaccount.com"
    deploy = next(w for w in lines if w[:3] == ["gcloud", "functions", "deploy"])
    assert deploy[3] == "webhook-consume" and "--no-allow-unauthenticated" in deploy
    assert flags(deploy)["entry-point"] == "consume" and flags(deploy)["service-account"] == account.split(":")[1]
    # Its own account holds Firestore access and reads stored bodies (issue 14), nothing else;
    # only the push account may call it.
    roles = sorted((flags(w)["role"], w[1]) for w in lines if f"--member={account}" in w)
    assert roles == [("roles/datastore.user", "projects")] * 2 + [("roles/storage.objectViewer", "storage")] * 2
    invokers = [w for w in lines if w[2] == "add-invoker-policy-binding"]
    assert {flags(w)["member"] for w in invokers} == {f"serviceAccount:{pusher}"}
    ttl = [w for w in lines if w[2:5] == ["fields", "ttls", "update"]]
    assert ttl and all(w[5] == "expires" and "--enable-ttl" in w for w in ttl)
    for provider, attempts in (("github", "10"), ("stripe", "7")):
        topic, dead, subscription = f"webhooks-{provider}", f"webhooks-{provider}-dead", f"webhooks-{provider}-consume"
        [push] = [w for w in lines if w[2:5] == ["subscriptions", "create", subscription]]
        assert flags(push) == {
            "topic": topic,
            "push-endpoint": "@CONSUME_URL@",
            "push-auth-service-account": pusher,
            "ack-deadline": "60",
            "min-retry-delay": "10s",
            "max-retry-delay": "600s",
            "dead-letter-topic": dead,
            "max-delivery-attempts": attempts,
            "expiration-period": "never",
            "project": "my-project",
        }
        [pull] = [w for w in lines if w[2:5] == ["subscriptions", "create", dead]]
        assert flags(pull)["topic"] == dead and "push-endpoint" not in flags(pull)
        assert any(w[2:5] == ["topics", "create", dead] for w in lines)
        grants = {(w[2], w[4], flags(w)["role"]) for w in lines if f"--member={agent}" in w}
        assert ("topics", dead, "roles/pubsub.publisher") in grants
        assert ("subscriptions", subscription, "roles/pubsub.subscriber") in grants
    # The handlers name github only: nothing else is consumed.
    assert {w[4] for w in lines if w[2:4] == ["subscriptions", "create"]} == {
        "webhooks-github-dead",
        "webhooks-github-consume",
        "webhooks-stripe-dead",
        "webhooks-stripe-consume",
    }


def test_consume_refuses_what_pubsub_would() -> None:
    env = {"PROJECT": "p", "REGION": "r", "CONSUME_PROVIDERS": "github"}
    assert "CONSUME_MAX_ATTEMPTS" in run("consume", env={**env, "CONSUME_MAX_ATTEMPTS": "3"}).stderr
    assert "unknown provider(s): nobody" in run("consume", env={**env, "CONSUME_PROVIDERS": "nobody"}).stderr


def test_the_gcloud_check_catches_a_mistyped_flag() -> None:
    line = "gcloud functions deploy webhook-github --gen2 --regoin=europe-west1 --project=p"
    assert NO_ACCOUNT not in gcloud_verdict(line)


def test_missing_project_fails_early_with_a_message() -> None:
    result = run("github", env={"CLOUDSDK_CONFIG": "/nonexistent-empty-config"})
    assert result.returncode == 1 and result.stdout == ""
    assert "PROJECT" in result.stderr


def test_unknown_provider_and_missing_callers_are_named() -> None:
    env = {"PROJECT": "p", "REGION": "r"}
    assert "unknown provider(s): nobody" in run("nobody", env=env).stderr
    for provider in (p for p in PROVIDERS if private(PROVIDERS[p])):
        assert f"{provider.upper()}_{PROVIDERS[provider].secret}" in run(provider, env=env).stderr


DOUBLE = """#!/usr/bin/env bash
# A gcloud double: records each call; `describe` succeeds when $GCLOUD_EXISTS is set.
echo "$*" >> "$GCLOUD_LOG"
case "$*" in
  "config get-value"*) echo "(unset)" ;;
  "projects describe"*) echo 123456789012 ;;
  *" describe "*"--format=value(url)"*) echo "https://$3-hash.a.run.app" ;;
  *" describe "*) [ -n "$GCLOUD_EXISTS" ] || exit 1 ;;
esac
"""


@pytest.mark.parametrize("exists", [False, True], ids=["first_run", "second_run"])
def test_a_second_run_creates_nothing(tmp_path, exists: bool) -> None:
    (tmp_path / "gcloud").write_text(DOUBLE)
    (tmp_path / "gcloud").chmod(0o755)
    log = tmp_path / "calls"
    env = {
        "PATH": f"{tmp_path}:{os.environ['PATH']}",
        "GCLOUD_LOG": str(log),
        "GCLOUD_EXISTS": "1" if exists else "",
        "PROJECT": "p",
        "REGION": "r",
    }
    result = run("github", env=env, dry=False)
    assert result.returncode == 0, result.stderr
    calls = log.read_text().splitlines()
    created = [c for c in calls if " create " in c]
    assert (created == []) if exists else len(created) == 4  # bucket, topic, service account, secret
    assert any(c.startswith("functions deploy webhook-github") for c in calls)
    assert "webhook-github: https://webhook-github-hash.a.run.app" in result.stdout
    assert ("gcloud secrets versions add github-webhook-secret" in result.stderr) is not exists


def test_consume_fills_in_what_only_gcloud_knows(tmp_path) -> None:
    (tmp_path / "gcloud").write_text(DOUBLE)
    (tmp_path / "gcloud").chmod(0o755)
    log = tmp_path / "calls"
    env = {"PATH": f"{tmp_path}:{os.environ['PATH']}", "GCLOUD_LOG": str(log), "GCLOUD_EXISTS": "", "PROJECT": "p"}
    result = run("consume", env={**env, "REGION": "r", "CONSUME_PROVIDERS": "github,stripe"}, dry=False)
    assert result.returncode == 0, result.stderr
    calls = log.read_text().splitlines()
    assert sum(c.startswith("projects describe p") for c in calls) == 1  # asked once, then reused
    assert not any("@PROJECT_NUMBER@" in c or "@CONSUME_URL@" in c for c in calls)
    pushes = [c for c in calls if c.startswith("pubsub subscriptions create webhooks-") and "--push-endpoint" in c]
    assert len(pushes) == 2 and all("--push-endpoint=https://webhook-consume-hash.a.run.app " in c for c in pushes)
    assert sum("service-123456789012@gcp-sa-pubsub.iam.gserviceaccount.com" in c for c in calls) == 5


def test_only_what_runs_is_uploaded() -> None:
    result = subprocess.run(
        ["gcloud", "meta", "list-files-for-upload", "."],
        cwd=ROOT,
        env={**os.environ, "CLOUDSDK_CONFIG": "/tmp/gcloud-empty-upload"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    uploaded = {line.split("/")[0] for line in result.stdout.split()}
    assert uploaded == {"main.py", "requirements.txt", "functions", "shared", "handlers"}, result.stderr


def test_large_bodies_bucket_and_least_privilege(dry_run_all) -> None:
    """Issue 14: one private bucket with a lifecycle rule; each function that stores bodies may
    create objects under its own prefix in it and nothing more; BODY_BUCKET and the bound set."""
    from scripts.deploy_plan import stores_bodies
    from shared.limits import STORED_MAX_BODY_BYTES

    buckets = [shlex.split(line) for line in dry_run_all if line.startswith("gcloud storage buckets ")]
    [create] = [words for words in buckets if words[3] == "create"]
    [update] = [words for words in buckets if words[3] == "update"]
    assert create[4] == update[4] == "gs://my-project-webhook-bodies"
    for words in (create, update):
        assert {"--uniform-bucket-level-access", "--public-access-prevention"} <= set(words)
    lifecycle = next(w for w in update if w.startswith("--lifecycle-file=")).split("=", 1)[1]
    assert json.loads(Path(lifecycle).read_text()) == {
        "rule": [{"action": {"type": "Delete"}, "condition": {"age": 7}}]
    }
    bindings = [words for words in buckets if words[3] == "add-iam-policy-binding"]
    functions = deploys(dry_run_all)
    storing = {p for p in PROVIDERS if stores_bodies(PROVIDERS[p])}
    assert storing and storing != set(PROVIDERS)  # Pub/Sub push publishes its own payload
    assert len(bindings) == len(storing)
    for provider_id, words in functions.items():
        account = f"wh-{provider_id.replace('_', '-')}"[:30].rstrip("-")
        member = f"--member=serviceAccount:{account}@my-project.iam.gserviceaccount.com"
        mine = [b for b in bindings if member in b]
        env = next(w for w in words if w.startswith("--set-env-vars="))
        if provider_id not in storing:
            assert mine == [] and "BODY_BUCKET" not in env
            continue
        [binding] = mine
        assert "--role=roles/storage.objectCreator" in binding
        prefix = f"projects/_/buckets/my-project-webhook-bodies/objects/{provider_id}/"
        assert f'--condition=expression=resource.name.startsWith("{prefix}")' in binding[-2]
        assert "BODY_BUCKET=my-project-webhook-bodies" in env and f"MAX_BODY_BYTES={STORED_MAX_BODY_BYTES}" in env


def test_retention_days_and_the_consume_reader() -> None:
    from scripts.deploy_plan import grant_body_reader

    result = run("github", env={"PROJECT": "p", "REGION": "r", "BODY_RETENTION_DAYS": "30", "BODY_BUCKET": "mine"})
    assert result.returncode == 0, result.stderr
    update = next(line for line in result.stdout.splitlines() if "buckets update gs://mine " in line)
    lifecycle = re.search(r"--lifecycle-file=(\S+)", update).group(1)
    assert json.loads(Path(lifecycle).read_text())["rule"][0]["condition"] == {"age": 30}
    refused = run("github", env={"PROJECT": "p", "REGION": "r", "BODY_RETENTION_DAYS": "0"})
    assert refused.returncode != 0 and "BODY_RETENTION_DAYS" in refused.stderr
    _, command = grant_body_reader("p", "wh-consume@p.iam.gserviceaccount.com")
    assert NO_ACCOUNT in gcloud_verdict(shlex.join(command))
