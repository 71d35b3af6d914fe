"""scripts/local.sh: one command runs everything, a curl reaches the example handler, Ctrl-C leaves nothing behind."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import LOGS, ROOT, free_port, wait_for_port

pytestmark = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in ("gcloud", "java")) and os.environ.get("CI") != "true",
    reason="local.sh needs the gcloud CLI and Java",
)


def session_processes(session: int) -> set[int]:
    """Every live process of a session (the script started it: start_new_session), zombies aside."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
        # After the command's closing parenthesis: state, ppid, pgrp, session.
        if int(fields[3]) == session and fields[0] != "Z":
            found.add(int(entry.name))
    return found


def test_ctrl_c_stops_everything_local_sh_started(tmp_path) -> None:
    ports = {name: free_port() for name in ("PORT", "CONSUME_PORT", "PUBSUB", "FIRESTORE")}
    env = {
        **{k: v for k, v in os.environ.items() if not k.endswith("_EMULATOR_HOST")},
        "PORT": str(ports["PORT"]),
        "CONSUME_PORT": str(ports["CONSUME_PORT"]),
        "PUBSUB_EMULATOR_HOST": f"127.0.0.1:{ports['PUBSUB']}",
        "FIRESTORE_EMULATOR_HOST": f"127.0.0.1:{ports['FIRESTORE']}",
    }
    LOGS.mkdir(parents=True, exist_ok=True)
    output = LOGS / f"local-sh-{ports['PORT']}.log"
    script = subprocess.Popen(
        ["bash", "scripts/local.sh"],
        cwd=ROOT,
        env=env,
        stdout=open(output, "wb"),
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,  # its own session and process group, as a terminal gives it
    )
    try:
        wait_for_port(ports["PORT"], script, 120)
        wait_for_port(ports["CONSUME_PORT"], script, 30)
        # The README's curl (local.env's secret): the example handler prints its line.
        command = subprocess.run(
            [
                sys.executable,
                "scripts/curl.py",
                "github",
                "examples/github.json",
                "-H",
                "X-GitHub-Event: push",
                "--url",
                f"http://127.0.0.1:{ports['PORT']}/github",
            ],
            cwd=ROOT,
            env={k: v for k, v in env.items() if k != "GITHUB_WEBHOOK_SECRET"},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        answer = subprocess.run(["sh", "-c", command], cwd=ROOT, capture_output=True, text=True, timeout=30).stdout
        assert answer.startswith("HTTP/1.1 200"), answer[:200]
        deadline = time.monotonic() + 60
        while '"message": "event github push ' not in output.read_text() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert '"message": "event github push ' in output.read_text()
        started = session_processes(script.pid)
        assert len(started) >= 6  # bash, two gcloud + Java emulators, consume, watch, webhooks

        os.killpg(script.pid, signal.SIGINT)  # what Ctrl-C in its terminal sends
        script.wait(30)
        deadline = time.monotonic() + 15
        while session_processes(script.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert session_processes(script.pid) == set()
        for port in ports.values():
            assert subprocess.run(["bash", "-c", f"echo >/dev/tcp/127.0.0.1/{port}"], capture_output=True).returncode
    finally:
        for pid in session_processes(script.pid):
            os.kill(pid, signal.SIGKILL)
