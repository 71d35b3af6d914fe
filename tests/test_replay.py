"""scripts/replay.py against the real Pub/Sub emulator, run as the operator runs it: a subprocess."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime

import pytest

from tests.conftest import PROJECT, ROOT, free_port

P = f"projects/{PROJECT}"
# The emulator's shortest ack deadline, and Pub/Sub's: a killed run's batch comes back after it.
ACK_DEADLINE = 10


def replay(emulator, *args: str, **env: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in ("PUBSUB_EMULATOR_HOST", "GOOGLE_CLOUD_PROJECT")}
    return subprocess.run(
        [sys.executable, "scripts/replay.py", *args],
        cwd=ROOT,
        env={**base, "PUBSUB_EMULATOR_HOST": emulator.host, "GOOGLE_CLOUD_PROJECT": PROJECT, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def drain(subscriber, subscription: str) -> list:
    """Every message the subscription holds now, acknowledged."""
    messages, empty = [], 0
    while empty < 2:
        response = subscriber.pull(
            request={"subscription": subscription, "max_messages": 100, "return_immediately": True}, timeout=10
        )
        if not response.received_messages:
            empty += 1
            time.sleep(0.05)
            continue
        empty = 0
        subscriber.acknowledge(subscription=subscription, ack_ids=[m.ack_id for m in response.received_messages])
        messages += [m.message for m in response.received_messages]
    return messages


def pull(subscriber, subscription: str) -> list:
    """What one pull returns now, released at once (a nack)."""
    received = subscriber.pull(
        request={"subscription": subscription, "max_messages": 10, "return_immediately": True}, timeout=10
    ).received_messages
    if received:
        ack_ids = [m.ack_id for m in received]
        subscriber.modify_ack_deadline(subscription=subscription, ack_ids=ack_ids, ack_deadline_seconds=0)
    return list(received)


def publish(publisher, topic: str, messages: list[tuple[bytes, dict[str, str]]]) -> None:
    for future in [publisher.publish(topic, data, **attributes) for data, attributes in messages]:
        future.result(timeout=30)


def events(count: int, provider: str, kinds: tuple[str, ...] = ("push",)) -> list[tuple[bytes, dict[str, str]]]:
    """Webhook messages as the pipeline publishes them (shared/message.py's attributes)."""
    made = []
    for n in range(count):
        kind, ident = kinds[n % len(kinds)], str(uuid.uuid4())
        attributes = {
            "ce-specversion": "1.0",
            "ce-id": ident,
            "ce-source": provider,
            "ce-type": f"{provider}.{kind}",
            "provider": provider,
            "event_type": kind,
            "delivery_id": ident,
        }
        made.append((f'{{"n":{n},"kind":"{kind}"}}'.encode(), attributes))
    return made


@pytest.fixture
def seekable(publisher_client):
    """A topic that keeps messages an hour, with one subscription; deleted afterwards."""
    publisher, subscriber = publisher_client
    name = f"replay-{uuid.uuid4().hex[:8]}"
    topic, subscription = f"{P}/topics/{name}", f"{P}/subscriptions/{name}"
    publisher.create_topic(request={"name": topic, "message_retention_duration": {"seconds": 3600}})
    subscriber.create_subscription(name=subscription, topic=topic)
    yield topic, subscription
    subscriber.delete_subscription(subscription=subscription)
    publisher.delete_topic(topic=topic)


class DeadLetters:
    """A provider's topic with a watching subscription, and its dead-letter topic and subscription."""

    def __init__(self, clients, provider: str) -> None:
        from google.api_core.exceptions import AlreadyExists

        self.publisher, self.subscriber = clients
        self.provider = provider
        dashed = provider.replace("_", "-")
        self.topic = f"{P}/topics/webhooks-{dashed}"
        self.dead_topic = f"{P}/topics/webhooks-{dashed}-dead"
        self.dead = f"{P}/subscriptions/webhooks-{dashed}-dead"
        self.watch = f"{P}/subscriptions/watch-{uuid.uuid4().hex[:8]}"
        try:
            self.publisher.create_topic(name=self.topic)
        except AlreadyExists:
            pass
        self.publisher.create_topic(name=self.dead_topic)
        self.subscriber.create_subscription(name=self.dead, topic=self.dead_topic, ack_deadline_seconds=ACK_DEADLINE)
        self.subscriber.create_subscription(name=self.watch, topic=self.topic)

    def fill(self, messages: list[tuple[bytes, dict[str, str]]]) -> None:
        publish(self.publisher, self.dead_topic, messages)

    def close(self) -> None:
        for subscription in (self.dead, self.watch):
            self.subscriber.delete_subscription(subscription=subscription)
        self.publisher.delete_topic(topic=self.dead_topic)


@pytest.fixture
def dead_letters(publisher_client):
    made: list[DeadLetters] = []

    def make(provider: str) -> DeadLetters:
        made.append(DeadLetters(publisher_client, provider))
        return made[-1]

    yield make
    for item in made:
        item.close()


def mark() -> str:
    """Now, between two publishes the emulator stamps apart."""
    time.sleep(0.3)
    moment = datetime.now(UTC).isoformat()
    time.sleep(0.3)
    return moment


def test_seek_to_a_time_replays_exactly_what_was_published_since(emulator, publisher_client, seekable) -> None:
    publisher, subscriber = publisher_client
    topic, subscription = seekable
    publish(publisher, topic, [(b"before-%d" % n, {}) for n in range(3)])
    since = mark()
    publish(publisher, topic, [(b"after-%d" % n, {}) for n in range(4)])
    assert len(drain(subscriber, subscription)) == 7  # all acknowledged

    result = replay(emulator, "seek", subscription.rsplit("/", 1)[1], "--time", since)
    assert result.returncode == 0, result.stderr
    assert sorted(m.data for m in drain(subscriber, subscription)) == [b"after-%d" % n for n in range(4)]
    assert result.stderr.startswith("seek: ") and result.stderr.count("\n") == 1

    result = replay(emulator, "seek", subscription, "--since", "1h")
    assert result.returncode == 0, result.stderr
    assert len(drain(subscriber, subscription)) == 7


def test_seek_to_a_snapshot_replays_exactly_what_came_after(emulator, publisher_client, seekable) -> None:
    publisher, subscriber = publisher_client
    topic, subscription = seekable
    name = f"before-deploy-{uuid.uuid4().hex[:6]}"
    publish(publisher, topic, [(b"old-%d" % n, {}) for n in range(3)])
    drain(subscriber, subscription)
    taken = replay(emulator, "snapshot", subscription, name)
    assert taken.returncode == 0 and f"--snapshot {name}" in taken.stderr, taken.stderr
    publish(publisher, topic, [(b"new-%d" % n, {}) for n in range(3)])
    assert len(drain(subscriber, subscription)) == 3

    result = replay(emulator, "seek", subscription, "--snapshot", f"{P}/snapshots/{name}")
    assert result.returncode == 0, result.stderr
    assert sorted(m.data for m in drain(subscriber, subscription)) == [b"new-%d" % n for n in range(3)]
    subscriber.delete_snapshot(snapshot=f"{P}/snapshots/{name}")


def test_redrive_sends_a_thousand_dead_letters_back_unchanged(emulator, dead_letters) -> None:
    place = dead_letters("standard_webhooks")
    sent = events(1000, place.provider)
    place.fill(sent)

    result = replay(emulator, "redrive", "standard-webhooks", "--wait", "1")
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[-1] == "redrive: 1000 moved back to webhooks-standard-webhooks"
    back = drain(place.subscriber, place.watch)
    assert sorted((m.data, dict(m.attributes)) for m in back) == sorted(
        (data, {**attributes, "redriven": "1"}) for data, attributes in sent
    )
    assert drain(place.subscriber, place.dead) == []


def test_redrive_killed_halfway_then_run_again_loses_nothing(emulator, dead_letters) -> None:
    place = dead_letters("github")
    sent = events(1000, place.provider)
    place.fill(sent)
    base = {k: v for k, v in os.environ.items() if k not in ("PUBSUB_EMULATOR_HOST", "GOOGLE_CLOUD_PROJECT")}
    process = subprocess.Popen(
        [sys.executable, "scripts/replay.py", "redrive", "github", "--wait", "1"],
        cwd=ROOT,
        env={**base, "PUBSUB_EMULATOR_HOST": emulator.host, "GOOGLE_CLOUD_PROJECT": PROJECT},
        stderr=subprocess.PIPE,
        text=True,
    )
    for line in process.stderr:  # "redrive: 400 of 400 seen", one line per batch
        if line.startswith("redrive: ") and int(line.split()[1]) >= 400:
            process.send_signal(signal.SIGKILL)
            killed_at = time.monotonic()
            break
    else:
        pytest.fail(f"the redrive ended before moving 400 (exit {process.wait()})")
    process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL
    first = drain(place.subscriber, place.watch)
    assert 400 <= len(first) < 1000

    # The batch the killed run had pulled comes back once its ack deadline has passed.
    time.sleep(max(0.0, killed_at + ACK_DEADLINE + 1 - time.monotonic()))
    result = replay(emulator, "redrive", "github", "--wait", "1")
    assert result.returncode == 0, result.stderr
    back = first + drain(place.subscriber, place.watch)
    ids = [m.attributes["ce-id"] for m in back]
    assert set(ids) == {attributes["ce-id"] for _, attributes in sent}
    duplicates = len(ids) - len(set(ids))
    assert duplicates <= 100, duplicates  # at most the one batch in flight when it was killed
    print(f"killed at {len(first)} moved; second run: {result.stderr.splitlines()[-1]}; {duplicates} duplicates")
    assert drain(place.subscriber, place.dead) == []


def test_dry_run_changes_nothing_and_type_moves_only_matching(emulator, dead_letters) -> None:
    place = dead_letters("stripe")
    place.fill(events(30, place.provider, kinds=("invoice.paid", "invoice.created", "charge.failed")))

    dry = replay(emulator, "redrive", "stripe", "--dry-run", "--wait", "1")
    assert dry.returncode == 0, dry.stderr
    assert dry.stderr.splitlines()[-1] == "redrive --dry-run: 30 would go back to webhooks-stripe; nothing changed"
    assert drain(place.subscriber, place.watch) == []

    listed = replay(emulator, "dead", "stripe", "--wait", "1")
    assert listed.returncode == 0, listed.stderr
    rows = listed.stdout.splitlines()[1:]
    assert len(rows) == 30 and sorted(row.split()[2] for row in rows) == sorted(
        ["invoice.paid", "invoice.created", "charge.failed"] * 10
    )
    assert listed.stderr.splitlines()[-1].startswith("dead: 30 dead letters in webhooks-stripe-dead")

    moved = replay(emulator, "redrive", "stripe", "--type", "invoice.*", "--wait", "1")
    assert moved.returncode == 0, moved.stderr
    assert moved.stderr.splitlines()[-1] == "redrive: 20 moved back to webhooks-stripe, 10 of other types left"
    assert sorted(m.attributes["event_type"] for m in drain(place.subscriber, place.watch)) == sorted(
        ["invoice.paid", "invoice.created"] * 10
    )
    left = drain(place.subscriber, place.dead)
    assert [m.attributes["event_type"] for m in left] == ["charge.failed"] * 10


def test_the_emulator_dead_letters_and_redrive_restores_the_original(emulator, dead_letters) -> None:
    """A subscription with a dead-letter policy, max 5 attempts, whose message is nacked every time."""
    place = dead_letters("slack")
    consumer = f"{P}/subscriptions/consume-{uuid.uuid4().hex[:8]}"
    place.subscriber.create_subscription(
        request={
            "name": consumer,
            "topic": place.topic,
            "dead_letter_policy": {"dead_letter_topic": place.dead_topic, "max_delivery_attempts": 5},
        }
    )
    try:
        ((data, attributes),) = events(1, place.provider, kinds=("app_mention",))
        publish(place.publisher, place.topic, [(data, attributes)])
        drain(place.subscriber, place.watch)
        # Nack every delivery; the emulator moves the message when a pull would deliver it a 6th time.
        attempts, arrived = [], []
        deadline = time.monotonic() + 30
        while not arrived and time.monotonic() < deadline:
            for received in pull(place.subscriber, consumer):
                attempts.append(received.delivery_attempt)
            arrived = pull(place.subscriber, place.dead)
            time.sleep(0.05)
        assert attempts == [1, 2, 3, 4, 5] and len(arrived) == 1

        listed = replay(emulator, "dead", "slack", "--wait", "1")
        (row,) = listed.stdout.splitlines()[1:]
        assert row.split()[1:3] == [attributes["ce-id"], "app_mention"] and row.split()[-1] == "5", listed.stdout
        # Listing acknowledged nothing: the dead letter is there to redrive, with Pub/Sub's notes.
        moved = replay(emulator, "redrive", "slack", "--wait", "1")
        assert moved.returncode == 0, moved.stderr
        (back,) = drain(place.subscriber, place.watch)
        assert back.data == data and dict(back.attributes) == {**attributes, "redriven": "1"}
    finally:
        place.subscriber.delete_subscription(subscription=consumer)


@pytest.fixture
def unretained(publisher_client):
    """A subscription on a topic that keeps no acknowledged messages, and a snapshot of it."""
    publisher, subscriber = publisher_client
    name = f"plain-{uuid.uuid4().hex[:8]}"
    publisher.create_topic(name=f"{P}/topics/{name}")
    subscriber.create_subscription(name=f"{P}/subscriptions/{name}", topic=f"{P}/topics/{name}")
    subscriber.create_snapshot(name=f"{P}/snapshots/{name}", subscription=f"{P}/subscriptions/{name}")
    yield name
    subscriber.delete_snapshot(snapshot=f"{P}/snapshots/{name}")
    subscriber.delete_subscription(subscription=f"{P}/subscriptions/{name}")
    publisher.delete_topic(topic=f"{P}/topics/{name}")


ERRORS = {
    "unknown-subscription": (["seek", "no-such-subscription", "--since", "2h"], 3, "not found: subscription"),
    "unknown-snapshot": (["seek", "{sub}", "--snapshot", "no-such-snapshot"], 3, "not found: snapshot"),
    "no-retention": (["seek", "{sub}", "--since", "2h"], 5, "no retention: topic {sub} keeps no acknowledged"),
    "snapshot-exists": (["snapshot", "{sub}", "{sub}"], 5, "already exists: snapshot"),
    "no-dead-letters": (
        ["redrive", "zoom"],
        3,
        "not found: subscription projects/test-project/subscriptions/webhooks-zoom-dead",
    ),
    "unknown-provider": (["dead", "githib"], 2, "unknown provider 'githib'; did you mean github"),
    "bad-duration": (["seek", "{sub}", "--since", "yesterday"], 2, "not a duration: 'yesterday'"),
    "bad-name": (["seek", "projects/x/topics/y", "--since", "2h"], 2, "not a subscription id or"),
}


@pytest.mark.parametrize("case", ERRORS, ids=str)
def test_errors_are_one_line_with_the_documented_exit_code(emulator, unretained, case: str) -> None:
    args, code, message = ERRORS[case]
    result = replay(emulator, *(a.format(sub=unretained) for a in args))
    assert (result.returncode, result.stdout) == (code, "")
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result.stderr
    assert message.format(sub=unretained) in result.stderr


def test_an_unreachable_emulator_is_one_line_within_the_timeout(emulator) -> None:
    started = time.monotonic()
    result = replay(emulator, "dead", "github", "--timeout", "2", PUBSUB_EMULATOR_HOST=f"127.0.0.1:{free_port()}")
    assert result.returncode == 4 and result.stdout == ""
    assert result.stderr.startswith("error: the Pub/Sub emulator at 127.0.0.1:") and result.stderr.count("\n") == 1
    assert "unreachable" in result.stderr and time.monotonic() - started < 15


def test_a_publish_request_stays_within_pubsubs_bounds() -> None:
    """Dead letters near the 10 MB message limit go back one or two per request, small ones 1,000 at most."""
    from google.pubsub_v1.types import PubsubMessage, ReceivedMessage

    from scripts.replay import chunks

    def received(size: int, n: int) -> list:
        return [ReceivedMessage(ack_id=str(i), message=PubsubMessage(data=b"x" * size)) for i in range(n)]

    assert [len(c) for c in chunks(received(4_000_000, 5))] == [2, 2, 1]
    assert [len(c) for c in chunks(received(10, 2500))] == [1000, 1000, 500]


def test_readme_documents_every_command_and_exit_code() -> None:
    from scripts import replay as tool

    readme = (ROOT / "README.md").read_text()
    start = readme.index("## Replay and dead letters")
    section = readme[start : readme.index("\n## ", start)]  # to the next section, whichever it is
    commands = tool.parser()._subparsers._group_actions[0].choices
    assert set(commands) == set(tool.COMMANDS)
    for name, command in commands.items():
        options = {o for a in command._actions for o in a.option_strings if o.startswith("--") and o != "--help"}
        line = next(line for line in section.splitlines() if line.startswith(f"{name} "))
        assert all(option in line for option in options), (name, options, line)
    codes = [int(line.split("|")[1]) for line in section.splitlines() if line[:4] in {f"| {n} " for n in range(10)}]
    assert codes == sorted({tool.OK, tool.FAILED, tool.USAGE, tool.NOT_FOUND, tool.UNREACHABLE, tool.REFUSED})


def test_the_tool_needs_the_registry_only_not_the_server_layer() -> None:
    """Provider ids come from functions.names(): no shared/ module, no functions-framework or Starlette."""
    code = (
        "import sys; from scripts import replay; "
        "replay.parser().parse_args(['redrive', 'standard-webhooks', '--dry-run']); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('shared', 'functions_framework', 'starlette')))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout.strip()) == (0, "[]"), result.stderr


def test_a_failing_handler_dead_letters_then_fixed_and_redriven_runs_once(
    emulator, firestore_emulator, server_factory, dead_letters, tmp_path
) -> None:
    """consume's handler fails every time -> dead letter; fix it; redrive -> it runs once, successfully."""
    import json

    from google.protobuf import duration_pb2

    broken, record = tmp_path / "broken", tmp_path / "runs.jsonl"
    broken.touch()
    consume = server_factory(
        "consume",
        {
            "PUBSUB_EMULATOR_HOST": emulator.host,
            "FIRESTORE_EMULATOR_HOST": firestore_emulator.host,
            # An SDK in the venv ships a top-level `tests` package: put ours first.
            "PYTHONPATH": str(ROOT),
            "CONSUME_HANDLERS": "tests.replay_handlers",
            "CONSUME_COLLECTION": f"replay-{uuid.uuid4().hex[:8]}",
            "REPLAY_TEST_BROKEN": str(broken),
            "REPLAY_TEST_RECORD": str(record),
        },
        name="consume-replay",
    )
    place = dead_letters("gitlab")
    pushed = f"{P}/subscriptions/consume-{uuid.uuid4().hex[:8]}"
    place.subscriber.create_subscription(
        request={
            "name": pushed,
            "topic": place.topic,
            "push_config": {"push_endpoint": consume.url + "/"},
            "ack_deadline_seconds": 10,
            "dead_letter_policy": {"dead_letter_topic": place.dead_topic, "max_delivery_attempts": 5},
            "retry_policy": {
                "minimum_backoff": duration_pb2.Duration(nanos=100_000_000),
                "maximum_backoff": duration_pb2.Duration(seconds=1),
            },
        }
    )

    def runs() -> list[dict]:
        return [json.loads(line) for line in record.read_text().splitlines()] if record.exists() else []

    try:
        (data, attributes) = events(1, "gitlab", kinds=("Push Hook",))[0]
        publish(place.publisher, place.topic, [(data, attributes)])
        deadline = time.monotonic() + 60
        while not (arrived := pull(place.subscriber, place.dead)) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(arrived) == 1 and [run["failed"] for run in runs()] == [True] * 5

        broken.unlink()  # the fix
        moved = replay(emulator, "redrive", "gitlab", "--wait", "1")
        assert moved.returncode == 0 and moved.stderr.splitlines()[-1].startswith("redrive: 1 moved"), moved.stderr

        def outcomes() -> list[str]:
            lines = [json.loads(line) for line in consume.log_lines() if line.startswith("{") and '"outcome"' in line]
            return [line["outcome"] for line in lines if line.get("delivery_id") == attributes["ce-id"]]

        deadline = time.monotonic() + 30
        while len(outcomes()) < 6 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert outcomes() == ["failed"] * 5 + ["handled"]
        # A second copy, as a redrive killed between publish and acknowledgement sends: harmless.
        publish(place.publisher, place.topic, [(data, {**attributes, "redriven": "1"})])
        while len(outcomes()) < 7 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert outcomes() == ["failed"] * 5 + ["handled", "duplicate"]
        assert runs() == [{"id": attributes["ce-id"], "failed": True, "redriven": None}] * 5 + [
            {"id": attributes["ce-id"], "failed": False, "redriven": "1"}
        ]
        assert drain(place.subscriber, place.dead) == []
    finally:
        place.subscriber.delete_subscription(subscription=pushed)
