"""The user-facing tools: the curl helper's command lands in Pub/Sub; the local runner checks its needs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from functions import PROVIDERS
from scripts.curl import example, signable
from scripts.provider_table import expected
from tests.signers import SAMPLES

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = {provider: path for provider in PROVIDERS if (path := example(provider)) is not None}
SIGNABLE = [provider for provider in EXAMPLES if signable(provider)]


@pytest.mark.parametrize("provider", SIGNABLE)
def test_printed_curl_lands_in_pubsub(server, topic, provider: str) -> None:
    subscription = topic(provider)
    # The sample's settings too: Square, HubSpot and Trello sign the URL they were configured with.
    env = {**os.environ, **SAMPLES[provider].settings, f"{provider.upper()}_WEBHOOK_SECRET": SAMPLES[provider].secret}
    command = subprocess.run(
        [
            sys.executable,
            "scripts/curl.py",
            provider,
            str(EXAMPLES[provider].relative_to(ROOT)),
            "--url",
            f"{server.url}/{provider}",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert command.startswith("curl ")
    answer = subprocess.run(["sh", "-c", command], cwd=ROOT, capture_output=True, text=True, timeout=30).stdout
    # The answer the README's generated curl list promises for this line.
    assert answer.split(" ", 2)[1] == expected(PROVIDERS[provider]).split()[0], answer[:200]
    messages = subscription.pull(expect=1)
    assert [m.data for m in messages] == [EXAMPLES[provider].read_bytes()]


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
