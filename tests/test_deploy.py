"""deploy.sh: its dry run, checked by the real gcloud CLI without an account; its plan."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import functions
from scripts import deploy_plan

ROOT = Path(__file__).resolve().parent.parent
CREDENTIALS = ("You do not currently have an active account selected",)
PARSE_ERRORS = ("argument ", "unrecognized arguments", "Invalid value", "invalid choice", "Usage:")

needs_gcloud = pytest.mark.skipif(shutil.which("gcloud") is None, reason="needs the gcloud CLI")


def gcloud_env(tmp_path: Path) -> dict[str, str]:
    """An empty gcloud configuration: no account, no project, no metadata server."""
    config = tmp_path / "gcloud"
    config.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLOUDSDK_", "GOOGLE_", "GENERIC_"))}
    env = {k: v for k, v in env.items() if k not in ("PROJECT", "REGION", "DRY_RUN")}
    return {**env, "CLOUDSDK_CONFIG": str(config), "CLOUDSDK_CORE_CHECK_GCE_METADATA": "false"}


def dry_run(tmp_path: Path, *args: str, **extra: str) -> subprocess.CompletedProcess:
    env = {**gcloud_env(tmp_path), "DRY_RUN": "1", **extra}
    return subprocess.run(["bash", str(ROOT / "deploy.sh"), *args], env=env, capture_output=True, text=True, timeout=60)


def lines(tmp_path: Path, *args: str) -> list[str]:
    result = dry_run(tmp_path, *args, PROJECT="test-project", REGION="europe-west1")
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def shape(words: list[str]) -> tuple[str, ...]:
    """A command's words before its first flag, and its flag names: one gcloud run per shape."""
    command = []
    for word in words:
        if word.startswith("-"):
            break
        command.append(word)
    flags = sorted(word.split("=", 1)[0] for word in words if word.startswith("--"))
    return (*command[:4], *flags)


@needs_gcloud
def test_every_dry_run_command_fails_only_for_credentials(tmp_path):
    output = lines(tmp_path, "all")
    assert output and all(line.startswith("gcloud ") for line in output)
    commands = {}
    for line in output:
        words = shlex.split(line)
        commands.setdefault(shape(words), words)
    env = gcloud_env(tmp_path)

    def check(words: list[str]) -> tuple[list[str], int, str]:
        done = subprocess.run(
            words, env=env, cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60
        )
        return words, done.returncode, done.stderr

    with ThreadPoolExecutor(2) as pool:
        for words, code, stderr in pool.map(check, commands.values()):
            assert code != 0, words  # nothing can succeed without an account
            assert any(text in stderr for text in CREDENTIALS), (words, stderr)
            assert not any(text in stderr for text in PARSE_ERRORS), (words, stderr)


@needs_gcloud
def test_the_check_catches_a_mistyped_flag(tmp_path):
    """The classification above is not vacuous: a bad flag value is a parse error, not a credentials one."""
    done = subprocess.run(
        ["gcloud", "functions", "deploy", "x", "--gen2", "--region=europe-west1", "--concurrency=eighty"],
        env=gcloud_env(tmp_path),
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert any(text in done.stderr for text in PARSE_ERRORS)
    assert not any(text in done.stderr for text in CREDENTIALS)


def test_one_deploy_per_provider_with_its_settings(tmp_path):
    output = lines(tmp_path, "all")
    deploys = [shlex.split(line) for line in output if line.startswith("gcloud functions deploy ")]
    assert [words[3] for words in deploys] == [f"webhooks-{n.replace('_', '-')}" for n in functions.names()]
    for words, name in zip(deploys, functions.names(), strict=True):
        provider = functions.load(name)
        assert f"--entry-point={name}" in words
        assert "--gen2" in words and "--source=." in words and "--trigger-http" in words
        public = name not in deploy_plan.PRIVATE
        assert ("--allow-unauthenticated" in words) == public
        assert ("--no-allow-unauthenticated" in words) == (not public)
        assert f"--min-instances={1 if provider.timeout < 5 else 0}" in words
        env = next(w for w in words if w.startswith("--set-env-vars="))
        reference = f"projects/test-project/secrets/webhooks-{name.replace('_', '-')}-webhook-secret/versions/latest"
        assert f"{name.upper()}_WEBHOOK_SECRET={reference}" in env.split("@@")


def test_one_provider_only_and_its_secret_binding_only(tmp_path):
    output = lines(tmp_path, "github")
    assert sum(line.startswith("gcloud functions deploy ") for line in output) == 1
    bindings = [line for line in output if "add-iam-policy-binding" in line]
    assert len(bindings) == 2
    assert all(
        "wh-github@" in line and ("webhooks-github " in line or "webhooks-github-webhook-secret " in line)
        for line in bindings
    )


def test_extra_variables_come_from_the_environment(tmp_path):
    result = dry_run(tmp_path, "generic", PROJECT="p", REGION="r", GENERIC_HEADER="X-Token")
    deploy = next(line for line in result.stdout.splitlines() if "functions deploy" in line)
    assert "@@GENERIC_HEADER=X-Token" in deploy
    assert "GENERIC_HMAC_HEADER" not in deploy


def test_fails_early_without_project_or_region(tmp_path):
    result = dry_run(tmp_path, "github")
    assert result.returncode != 0 and result.stdout == ""
    assert "no project" in result.stderr
    result = dry_run(tmp_path, "github", PROJECT="p")
    assert result.returncode != 0 and "no region" in result.stderr


def test_unknown_provider_is_refused(tmp_path):
    result = dry_run(tmp_path, "nosuch", PROJECT="p", REGION="r")
    assert result.returncode != 0 and result.stdout == ""
    assert "unknown provider: nosuch" in result.stderr


def test_service_account_ids_are_valid_and_distinct():
    ids = [deploy_plan.account_id(name) for name in (*functions.names(), "x", "a_very_long_provider_name_indeed")]
    assert len(set(ids)) == len(ids)
    for account in ids:
        assert 6 <= len(account) <= 30 and account[0].isalpha() and not account.endswith("-")
        assert set(account) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")


def test_gcloudignore_uploads_only_what_runs():
    ignored = {line.strip() for line in (ROOT / ".gcloudignore").read_text().splitlines()}
    assert {"tests/", "scripts/", "local.env", ".venv/", ".git"} <= ignored
    assert not {"main.py", "functions/", "shared/", "requirements.txt"} & ignored


FAKE_GCLOUD = """#!/usr/bin/env bash
# A stand-in for gcloud that records its arguments; `describe` finds things iff EXISTING=1.
printf '%s\\n' "$*" >> "$GCLOUD_LOG"
case "$*" in
  "config list"*) exit 0 ;;
  *" describe "*) [[ $EXISTING == 1 ]] && { echo https://example.test/fn; exit 0; }; exit 1 ;;
esac
exit 0
"""


@pytest.mark.parametrize("existing", ["0", "1"])
def test_second_run_creates_nothing(tmp_path, existing):
    """Not a dry run: describe-before-create decides; bindings and deploy always converge."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "gcloud"
    fake.write_text(FAKE_GCLOUD)
    fake.chmod(0o755)
    log = tmp_path / "calls"
    env = {
        **gcloud_env(tmp_path),
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
        "GCLOUD_LOG": str(log),
        "EXISTING": existing,
        "PROJECT": "p",
        "REGION": "r",
    }
    result = subprocess.run(
        ["bash", str(ROOT / "deploy.sh"), "github"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    calls = log.read_text().splitlines()
    creates = [call for call in calls if " create " in f" {call} "]
    assert len(creates) == (0 if existing == "1" else 3)  # topic, service account, secret
    assert sum("add-iam-policy-binding" in call for call in calls) == 2
    assert sum(call.startswith("functions deploy ") for call in calls) == 1
    assert ("secrets versions add" in result.stderr) == (existing == "0")
    assert "github" in result.stdout and ("https://example.test/fn" in result.stdout) == (existing == "1")
