"""The user-facing tools: the curl helper's command lands in Pub/Sub; the local runner checks its needs."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from functions import PROVIDERS
from scripts.curl import example, signable
from scripts.provider_table import CURL_END, CURL_START, DOCS
from tests.signers import SAMPLES

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = {provider: path for provider in PROVIDERS if (path := example(provider)) is not None}
SIGNABLE = [provider for provider in EXAMPLES if signable(provider)]
# docs/providers.md's generated curl list: `<python> scripts/curl.py ID PAYLOAD | sh   # ANSWER`.
CURL_LINES = [
    line
    for line in DOCS.read_text().split(CURL_START, 1)[1].split(CURL_END, 1)[0].splitlines()
    if " scripts/curl.py " in line
]


def test_the_curl_list_has_a_line_for_every_signable_provider() -> None:
    assert sorted(shlex.split(line)[2] for line in CURL_LINES) == sorted(SIGNABLE)


@pytest.mark.parametrize("line", CURL_LINES, ids=lambda line: shlex.split(line)[2])
def test_printed_curl_lands_in_pubsub(server, topic, line: str) -> None:
    """Each line of the curl list, run as written (against the test server's URL), answers as it says."""
    command_part, _, promised = line.partition("#")
    _python, script, provider, payload, pipe, shell = shlex.split(command_part)
    assert (script, pipe, shell) == ("scripts/curl.py", "|", "sh")
    subscription = topic(provider)
    # The sample's settings too: Square, HubSpot and Trello sign the URL they were configured with.
    env = {**os.environ, **SAMPLES[provider].settings, f"{provider.upper()}_WEBHOOK_SECRET": SAMPLES[provider].secret}
    command = subprocess.run(
        [sys.executable, script, provider, payload, "--url", f"{server.url}/{provider}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert command.startswith("curl ")
    answer = subprocess.run(["sh", "-c", command], cwd=ROOT, capture_output=True, text=True, timeout=30).stdout
    # The answer the line promises.
    assert answer.split(" ", 2)[1] == promised.split()[0], answer[:200]
    messages = subscription.pull(expect=1)
    assert [m.data for m in messages] == [(ROOT / payload).read_bytes()]


def test_local_runner_names_what_is_missing(tmp_path) -> None:
    """With gcloud off the PATH, local.sh says in one line what to install."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("bash", "dirname", "env", "cat"):
        target = subprocess.run(["sh", "-c", f"command -v {tool}"], capture_output=True, text=True).stdout.strip()
        (bin_dir / tool).symlink_to(target)
    result = subprocess.run(
        [str(bin_dir / "bash"), "scripts/local.sh"],
        cwd=ROOT,
        env={"PATH": str(bin_dir)},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "missing: gcloud (install the Google Cloud CLI: https://cloud.google.com/sdk/docs/install)"
    ]


def test_every_provider_can_run_locally() -> None:
    """local.env holds each provider's secret (or key), so `scripts/local.sh` serves them all."""
    names = {line.partition("=")[0] for line in (ROOT / "local.env").read_text().splitlines() if "=" in line}
    missing = [p for p in PROVIDERS if f"{p.upper()}_{PROVIDERS[p].secret}" not in names]
    assert missing == []
