"""The log audit itself (tests/leaks.py) can fail: planted leaks are found, clean lines pass."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import leaks
from tests.signers import SAMPLES

ROOT = Path(__file__).resolve().parent.parent
GITHUB_SECRET = SAMPLES["github"].secret
STRIPE_HEADER = "t=1700000000,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd"


def record(**fields: object) -> str:
    return json.dumps({"severity": "INFO", "message": "github 401 rejected bad_signature", **fields})


@pytest.mark.parametrize(
    "line",
    [
        record(reason=GITHUB_SECRET),  # a secret as is
        f"Traceback: KeyError({STRIPE_HEADER!r})",  # a whole signature header
        record(detail="5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd"),  # the digest alone
        "WARNING:root:header x-hub-signature-256=sha256=" + "ab" * 32,  # a digest after its prefix
        "basic auth user chargebee-hooks:" + SAMPLES["chargebee"].secret.split(":", 1)[1],
    ],
    ids=["secret", "signature_header", "bare_digest", "prefixed_digest", "password"],
)
def test_a_leaking_line_is_found(line: str) -> None:
    searched = {GITHUB_SECRET, STRIPE_HEADER, "sha256=" + "ab" * 32, SAMPLES["chargebee"].secret}
    found, count = leaks.find([("planted.log", "clean first line\n" + line)], searched)
    assert count == 2
    assert [(leak.source, leak.line) for leak in found] == [("planted.log", 2)]


@pytest.mark.parametrize(
    "line",
    [
        record(provider="github", status=401, reason="bad_signature", latency_ms=0.21),
        record(variable="GITHUB_WEBHOOK_SECRET", reason="missing_config"),
        record(delivery_id="1700000000", body_bytes=57),  # short pieces (a timestamp) match nothing
        record(delivery_id="112345678901234562"),  # nor digits only (the account inside an ARN)
    ],
)
def test_a_clean_line_passes(line: str) -> None:
    searched = {GITHUB_SECRET, STRIPE_HEADER, "arn:aws:sns:us-west-2:123456789012:MyTopic"}
    assert leaks.find([("clean.log", line)], searched)[0] == []


def test_every_secret_of_the_samples_is_searched() -> None:
    assert {sample.secret for sample in SAMPLES.values()} <= leaks.secrets()


def test_signers_report_what_they_sign() -> None:
    headers = SAMPLES["github"].sign(b'{"zen": "audited"}', 1700000000)
    assert headers["X-Hub-Signature-256"] in leaks._signatures


def test_a_leak_fails_the_whole_run(tmp_path: Path) -> None:
    """A pytest session whose test prints a sample's secret ends failed, though its test passed."""
    planted = tmp_path / "test_planted.py"
    planted.write_text(
        "from tests.signers import SAMPLES\n\n"
        "def test_prints_a_secret():\n"
        '    print(\'{"message": "debug", "secret": "\' + SAMPLES[\'github\'].secret + \'"}\')\n'
    )
    env = {k: v for k, v in os.environ.items() if k not in (leaks.RUN, "PYTEST_XDIST_WORKER")}
    env["WEBHOOK_TEST_LOGS"] = str(tmp_path / "logs")
    command = [sys.executable, "-m", "pytest", "-p", "tests.leaks", "-p", "no:cacheprovider", "-p", "no:xdist"]
    result = subprocess.run(
        [*command, "--rootdir", str(tmp_path), str(planted)],
        cwd=ROOT,
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "1 passed" in result.stdout
    assert result.returncode == pytest.ExitCode.TESTS_FAILED, result.stdout
    assert "1 leaks" in result.stdout and "LEAK in" in result.stdout
    assert GITHUB_SECRET not in result.stdout  # the audit names places, never what it found
