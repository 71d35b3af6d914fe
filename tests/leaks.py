"""The suite's log audit: no secret and no signature it used may appear in any log line.

What is searched, at the end of the session:
- the output of every functions-framework process the fixtures start (`server_log`);
- everything captured in process: stdout, stderr and log records of every test phase
  (pytest's report sections; the `log_level` ini option sets what logging captures);

for every secret of tests/samples and every signature the signers produced
(`signature`). Under pytest-xdist each worker writes what only it knows (signatures,
server log paths) to the run directory; the controller, which receives every report,
does the search and fails the run on a leak.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

RUN = "WEBHOOK_TEST_RUN"
SHORTEST = 12  # shorter pieces match by chance (timestamps, ids); the whole value is still searched

_signatures: set[str] = set()
_server_logs: list[Path] = []
_captured: list[tuple[str, str]] = []  # (test id and section, captured text)


@dataclass(frozen=True)
class Leak:
    source: str
    line: int
    needle: str


def signature(value: str) -> None:
    """Remember a signature (or credential) a signer produced, to search the logs for it."""
    if value:
        _signatures.add(value)


def server_log(path: Path) -> None:
    """Remember the log file of a process the fixtures started."""
    _server_logs.append(path)


def needles(values: Iterable[str]) -> set[str]:
    """Each value, and its long pieces: a logged digest without its `sha256=` or `t=...,v1=` dressing."""
    found: set[str] = set()
    for value in values:
        value = value.strip()
        if not value:
            continue
        found.add(value)
        # Not a piece of digits only: an account number inside an ARN is no secret, and matches ids.
        pieces = re.split(r"[\s=,;:]+", value)
        found |= {piece for piece in pieces if len(piece) >= SHORTEST and not piece.isdigit()}
    return found


# Needles are found through their first GRAM characters: one dictionary look-up per position
# of a line, however many needles there are (a regex alternation of thousands of needles took
# two minutes over a full run's logs).
GRAM = 8


def find(texts: Iterable[tuple[str, str]], searched: Iterable[str]) -> tuple[list[Leak], int]:
    """Every line holding a needle (the first needle found in it), and the number of lines searched."""
    short: list[str] = []
    starts: dict[str, list[str]] = {}
    for word in needles(searched):
        if len(word) < GRAM:
            short.append(word)
        else:
            starts.setdefault(word[:GRAM], []).append(word)
    leaks: list[Leak] = []
    count = 0
    for source, text in texts:
        for number, line in enumerate(text.splitlines(), 1):
            count += 1
            match = next((word for word in short if word in line), None)
            for index in range(len(line) - GRAM + 1) if match is None else ():
                candidates = starts.get(line[index : index + GRAM])
                if candidates:
                    match = next((word for word in candidates if line.startswith(word, index)), None)
                    if match:
                        break
            if match:
                leaks.append(Leak(source, number, match))
    return leaks, count


def secrets() -> set[str]:
    """Every secret the samples configure: `<ID>_WEBHOOK_SECRET` values and the other secret settings."""
    from tests.signers import SAMPLES

    values = {sample.secret for sample in SAMPLES.values()}
    for sample in SAMPLES.values():
        values |= {v for k, v in sample.settings.items() if re.search(r"SECRET|TOKEN|PASSWORD|CREDENTIAL", k)}
    return values


def vector_signatures() -> set[str]:
    """The signature headers of the published vectors (tests/vectors), which no signer produced."""
    import json

    from tests.signers import SAMPLES

    values = set()
    for path in (Path(__file__).parent / "vectors").glob("*.json"):
        for vector in json.loads(path.read_text()):
            header = SAMPLES[vector["provider"]].signature_header
            values |= {v for k, v in vector.get("headers", {}).items() if header and k.lower() == header.lower()}
            values.add(vector.get("secret", ""))
    return values - {""}


def _run_directory() -> Path:
    return Path(os.environ[RUN])


def _is_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


def pytest_configure(config: pytest.Config) -> None:
    if not _is_worker(config) and RUN not in os.environ:
        from tests.conftest import LOGS

        directory = LOGS / f"run-{uuid.uuid4().hex[:12]}"
        directory.mkdir(parents=True, exist_ok=True)
        os.environ[RUN] = str(directory)  # inherited by xdist's workers, started after this


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    # In a worker the report goes on to the controller, which sees it here as well.
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return
    for title, text in report.sections:
        # A phase's report repeats the sections of the phases before it.
        if text and title.endswith(f" {report.when}"):
            _captured.append((f"{report.nodeid} [{title}]", text))


def _lines(path: Path) -> Iterator[str]:
    if path.exists():
        yield from path.read_text(errors="replace").splitlines()


def _write(config: pytest.Config) -> None:
    directory = _run_directory()
    name = f"{config.workerinput['workerid'] if _is_worker(config) else 'main'}-{os.getpid()}"
    (directory / f"signatures-{name}.txt").write_text("".join(f"{s}\n" for s in sorted(_signatures)))
    (directory / f"servers-{name}.txt").write_text("".join(f"{p}\n" for p in _server_logs))


@pytest.hookimpl(trylast=True)  # after the session fixtures (and their servers) are torn down
def pytest_sessionfinish(session: pytest.Session) -> None:
    config = session.config
    if RUN not in os.environ:
        return
    _write(config)
    if _is_worker(config):
        return
    directory = _run_directory()
    signatures = {line for path in directory.glob("signatures-*.txt") for line in _lines(path)}
    logs = sorted({Path(line) for path in directory.glob("servers-*.txt") for line in _lines(path)})
    texts = [*_captured, *((str(path), path.read_text(errors="replace")) for path in logs if path.exists())]
    leaks, count = find(texts, secrets() | vector_signatures() | signatures)
    summary = (
        f"log audit: {count} lines ({len(logs)} functions-framework logs, {len(_captured)} captured sections) "
        f"searched for {len(secrets())} secrets and {len(signatures)} signatures: {len(leaks)} leaks"
    )
    places = "".join(f"LEAK in {leak.source} line {leak.line}\n" for leak in leaks)
    (directory / "audit.txt").write_text(summary + "\n" + places)
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(summary)
        for leak in leaks[:20]:
            # The place only, never the needle: the audit must not print what it protects.
            reporter.write_line(f"LEAK in {leak.source} line {leak.line} ({len(leak.needle)} characters)", red=True)
    if leaks:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
