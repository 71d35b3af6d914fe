"""Traffic: deliveries signed as the providers sign them, sent by senders that retry as providers do.

Shared by the fault and load tests and by scripts/load.py. Signatures come from the
samples' signers (tests/signers.py), never from our code.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import requests

from functions import PROVIDERS
from tests.signers import SAMPLES

MARK = "reliability_mark"
"""The top-level JSON field that makes a delivery findable in the topic."""


def delivery(provider: str, now: int, mark: str | None = None) -> tuple[str, bytes, dict[str, str]]:
    """(path and query, body, headers) of one valid delivery signed at `now`.

    With `mark`, the sample's JSON body carries it in MARK, so each delivery can be
    told apart in the topic (only for samples whose signer signs any body).
    """
    sample = SAMPLES[provider]
    body = sample.body_at(now)
    if mark is not None:
        body = json.dumps({**json.loads(body), MARK: mark}).encode()
    headers = {"Content-Type": sample.content_type, **sample.headers, **sample.sign(body, now)}
    path = f"/{provider}?{sample.query}" if sample.query else f"/{provider}"
    return path, body, headers


def marked(data: bytes) -> str | None:
    """The MARK of a published message's data, if it has one."""
    try:
        document = json.loads(data)
    except ValueError:
        return None
    return document.get(MARK) if isinstance(document, dict) else None


@dataclass(frozen=True)
class Attempt:
    """One HTTP attempt at a delivery, as the sender saw it."""

    provider: str
    mark: str
    status: int | None  # None: no answer within the provider's timeout, or the connection failed
    started: float  # time.monotonic()
    seconds: float

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


@dataclass
class Senders:
    """Threads that each deliver one provider's deliveries in turn, retrying as providers do.

    Each attempt waits at most the provider's own timeout; a refused or unanswered
    attempt is sent again (re-signed, as providers do) after `backoff` seconds, until
    a 2xx or `give_up` seconds. Real providers back off for minutes; the test only
    needs the same shape, faster.
    """

    url: str
    providers: Iterable[str]
    per_provider: int = 1
    pace: float = 0.0  # seconds between one sender's deliveries
    backoff: float = 0.2
    give_up: float = 40.0
    mark_bodies: bool = True  # MARK in each body; False: the sample as it is
    limit: int | None = None  # deliveries per sender; None: until stop()
    attempts: list[Attempt] = field(default_factory=list)
    given_up: list[str] = field(default_factory=list)
    _open: threading.Event = field(default_factory=threading.Event)
    _stopping: threading.Event = field(default_factory=threading.Event)
    _busy: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _threads: list[threading.Thread] = field(default_factory=list)

    def start(self) -> Senders:
        self._open.set()
        for provider in self.providers:
            for number in range(self.per_provider):
                thread = threading.Thread(target=self._run, args=(provider, number), daemon=True)
                self._threads.append(thread)
                thread.start()
        return self

    def pause(self, seconds: float = 30.0) -> None:
        """Start no new attempt, and wait until none is in flight."""
        self._open.clear()
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            with self._lock:
                if self._busy == 0:
                    return
            time.sleep(0.02)
        raise TimeoutError("attempts still in flight")

    def resume(self) -> None:
        self._open.set()

    def stop(self) -> None:
        """Begin no new delivery; finish (with retries) those under way."""
        self._stopping.set()
        self._open.set()
        for thread in self._threads:
            thread.join()

    def wait(self) -> None:
        """Wait until every sender has sent its `limit` deliveries."""
        for thread in self._threads:
            thread.join()

    def delivered(self) -> list[Attempt]:
        """The attempts that were answered 2xx: each a delivery the function acknowledged."""
        return [attempt for attempt in self.attempts if attempt.ok]

    def statuses(self) -> Counter:
        return Counter(attempt.status for attempt in self.attempts)

    def _run(self, provider: str, number: int) -> None:
        session = requests.Session()
        count = 0
        while not self._stopping.is_set() and (self.limit is None or count < self.limit):
            mark = f"{provider}-{number}-{count}"
            count += 1
            self._deliver(session, provider, mark)
            if self.pace:
                time.sleep(self.pace)
        session.close()

    def _deliver(self, session: requests.Session, provider: str, mark: str) -> None:
        timeout = PROVIDERS[provider].timeout
        first = time.monotonic()
        while time.monotonic() - first < self.give_up:
            self._open.wait()
            with self._lock:
                self._busy += 1
            try:
                attempt = self._attempt(session, provider, mark, timeout)
            finally:
                with self._lock:
                    self._busy -= 1
            self.attempts.append(attempt)
            if attempt.ok:
                return
            time.sleep(self.backoff)
        self.given_up.append(mark)

    def _attempt(self, session: requests.Session, provider: str, mark: str, timeout: float) -> Attempt:
        path, body, headers = delivery(provider, int(time.time()), mark if self.mark_bodies else None)
        started = time.monotonic()
        try:
            status: int | None = session.post(self.url + path, data=body, headers=headers, timeout=timeout).status_code
        except requests.RequestException:
            status = None
        return Attempt(provider, mark, status, started, time.monotonic() - started)


def collect(pull: Callable[[], list], until: Callable[[list], bool], seconds: float) -> list:
    """Pull messages until `until(messages)` holds or `seconds` pass."""
    messages: list = []
    deadline = time.monotonic() + seconds
    while True:
        messages.extend(pull())
        if until(messages) or time.monotonic() >= deadline:
            return messages
        time.sleep(0.05)


def load(url: str, providers: Iterable[str], connections: int) -> list[Attempt]:
    """Send one delivery per item of `providers`, over `connections` concurrent keep-alive connections.

    No retries: every attempt that is not a 2xx is a failure the caller counts.
    """
    plan = list(providers)
    # Sign one of each first: a signer's first call imports its SDK or makes its key, and
    # 80 threads doing that at once held deliveries for seconds between signing and sending
    # (Paddle's 5 s window refused four of them).
    for provider in set(plan):
        delivery(provider, int(time.time()))
    queue = iter(plan)
    lock = threading.Lock()
    attempts: list[Attempt] = []

    def work() -> None:
        session = requests.Session()
        while True:
            with lock:
                provider = next(queue, None)
            if provider is None:
                break
            path, body, headers = delivery(provider, int(time.time()))
            started = time.monotonic()
            try:
                response = session.post(url + path, data=body, headers=headers, timeout=PROVIDERS[provider].timeout)
                status: int | None = response.status_code
            except requests.RequestException:
                status = None
            attempts.append(Attempt(provider, "", status, started, time.monotonic() - started))
        session.close()

    threads = [threading.Thread(target=work, daemon=True) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return attempts
