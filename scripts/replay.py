"""Replay and dead letters: seek a subscription back in time or to a snapshot, take
snapshots, list dead letters and send them back to their provider's topic.

Data rows (`dead`) go to stdout; progress, the one summary line and errors go to stderr.
Exit codes, for scripts: 0 done; 1 failed or partial (some dead letters not moved: run it
again); 2 usage (bad arguments, unknown provider, no project or credentials); 3 not found
(subscription, snapshot, topic); 4 Pub/Sub unreachable or slower than --timeout;
5 refused (no retention for a seek back in time, snapshot exists already).
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# The registry alone: planning tools run without the server layer (no shared.pipeline).
import functions  # noqa: E402

OK, FAILED, USAGE, NOT_FOUND, UNREACHABLE, REFUSED = 0, 1, 2, 3, 4, 5
BATCH = 100  # one pull returns at most 100 messages (the emulator's bound; Pub/Sub's is 1,000)
# A publish request holds at most 10 MB and 1,000 messages: leave room for the envelope.
PUBLISH_BYTES = 9_000_000
PUBLISH_MESSAGES = 1000
# Dead letters looked at but not moved (`dead`, --dry-run, --type) are held this long while
# the run goes on, so a later pull does not return them again, then released at once.
HOLD_SECONDS = 60
# Added by Pub/Sub when it dead-letters a message; not part of the event, so not sent back.
DEAD_LETTER_PREFIX = "CloudPubSubDeadLetter"
REDRIVEN = "redriven"


class Stop(Exception):
    """Ends the command with one line on stderr and an exit code."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


# --- arguments ---------------------------------------------------------------------

_DURATION = re.compile(r"(\d+)([smhdw])")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def duration(text: str) -> timedelta:
    """`90s`, `30m`, `2h`, `7d`, `1w`, or combined (`1h30m`)."""
    parts = _DURATION.findall(text.strip())
    if not parts or "".join(n + u for n, u in parts) != text.strip():
        raise argparse.ArgumentTypeError(f"not a duration: {text!r} (e.g. 90s, 30m, 2h, 7d, 1h30m)")
    return timedelta(seconds=sum(int(n) * _UNITS[u] for n, u in parts))


def instant(text: str) -> datetime:
    """An ISO 8601 time; without an offset it is UTC."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO time: {text!r} (e.g. 2026-12-07T03:00:00Z)") from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {text!r}")
    return int(text)


def seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(f"not a number of seconds between 0 and 3600: {text!r}")
    return value


def provider(text: str) -> str:
    """A provider id of the registry (dashes or underscores)."""
    import difflib

    name = text.strip().lower().replace("-", "_")
    known = functions.names()
    if name not in known:
        near = difflib.get_close_matches(name, known, n=3)
        hint = f"; did you mean {' or '.join(near)}?" if near else " (see functions/)"
        raise argparse.ArgumentTypeError(f"unknown provider {text!r}{hint}")
    return name


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        """One line and exit 2, rather than argparse's usage block."""
        raise Stop(USAGE, f"{self.prog}: {message} (see --help)")


EPILOG = """\
names: SUBSCRIPTION and NAME are ids (the project is GOOGLE_CLOUD_PROJECT, else that of
  Application Default Credentials) or full projects/P/subscriptions/S, projects/P/snapshots/N
  paths; PROVIDER is a provider id (dead letters: subscription webhooks-<id>-dead).
output: `dead` rows on stdout; progress, one summary line and errors on stderr.
exit codes: 0 done, 1 failed or partial (run again), 2 usage, 3 not found,
  4 Pub/Sub unreachable or slower than --timeout, 5 refused (no retention, snapshot exists).
"""


def parser() -> argparse.ArgumentParser:
    top = Parser(
        prog="replay.py",
        description="Replay webhook events from Pub/Sub and send dead letters back.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=EPILOG,
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--timeout", type=seconds, default=30.0, metavar="S", help="bound on each Pub/Sub call (default 30)"
    )
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=Parser)

    seek = commands.add_parser(
        "seek",
        parents=[common],
        help="redeliver a subscription's messages from a time or a snapshot",
        description="Redeliver every message published since a time (acknowledged or not, within the "
        "topic's retention), or every message after a snapshot. A time in the future acknowledges "
        "everything before it (purge).",
    )
    seek.add_argument("subscription", metavar="SUBSCRIPTION")
    where = seek.add_mutually_exclusive_group(required=True)
    where.add_argument("--since", type=duration, metavar="AGO", help="this long ago: 90s, 30m, 2h, 7d, 1h30m")
    where.add_argument("--time", type=instant, metavar="ISO", help="an ISO 8601 time (UTC if no offset)")
    where.add_argument("--snapshot", metavar="NAME", help="a snapshot of the subscription's topic")

    snapshot = commands.add_parser(
        "snapshot",
        parents=[common],
        help="record a subscription's acknowledgements, to seek back to later",
        description="Take a snapshot (before a risky consumer deploy): `seek SUBSCRIPTION --snapshot "
        "NAME` later redelivers everything not acknowledged then, and all published since. A snapshot "
        "lasts 7 days less the age of the subscription's oldest unacknowledged message.",
    )
    snapshot.add_argument("subscription", metavar="SUBSCRIPTION")
    snapshot.add_argument("name", metavar="NAME")

    dead = commands.add_parser(
        "dead",
        parents=[common],
        help="list a provider's dead letters (acknowledges nothing)",
        description="List the dead letters of webhooks-<provider>-dead: message id, event id, type, "
        "age (since first published), delivery attempts. Nothing is acknowledged.",
    )
    dead.add_argument("provider", type=provider, metavar="PROVIDER")
    dead.add_argument("--limit", type=positive, default=100, metavar="N", help="at most N (default 100)")
    dead.add_argument("--wait", type=seconds, default=2.0, metavar="S", help=WAIT_HELP)

    redrive = commands.add_parser(
        "redrive",
        parents=[common],
        help="send a provider's dead letters back to its topic",
        description="Publish dead letters to webhooks-<provider> again, data and attributes as they were "
        "plus `redriven` (how many times), each acknowledged only once its publish is confirmed: "
        "stopped or killed midway, a second run loses nothing (a few may be sent twice).",
    )
    redrive.add_argument("provider", type=provider, metavar="PROVIDER")
    redrive.add_argument("--limit", type=positive, metavar="N", help="at most N (default: all)")
    redrive.add_argument("--type", metavar="PATTERN", help="only event types matching (fnmatch: 'invoice.*')")
    redrive.add_argument("--dry-run", action="store_true", help="count what would move; change nothing")
    redrive.add_argument("--wait", type=seconds, default=2.0, metavar="S", help=WAIT_HELP)
    return top


WAIT_HELP = "how long an empty pull waits before the subscription counts as drained (default 2)"


# --- Pub/Sub -------------------------------------------------------------------------


def project() -> str:
    """GOOGLE_CLOUD_PROJECT, else the project of Application Default Credentials (as the functions find it)."""
    from shared.publisher import project as configured

    found = configured()
    if not found:
        raise Stop(USAGE, "no project: set GOOGLE_CLOUD_PROJECT or name it in full (projects/P/subscriptions/S)")
    return found


def path(kind: str, name: str) -> str:
    """`projects/P/<kind>/N` from an id or a full path of that kind."""
    parts = name.strip().split("/")
    if len(parts) == 4 and parts[0] == "projects" and parts[2] == kind and parts[1] and parts[3]:
        return name.strip()
    if len(parts) == 1 and parts[0]:
        return f"projects/{project()}/{kind}/{parts[0]}"
    raise Stop(USAGE, f"not a {kind[:-1]} id or projects/P/{kind}/N path: {name!r}")


def short(resource: str) -> str:
    return resource.rsplit("/", 1)[-1]


@dataclass
class PubSub:
    """The two GAPIC clients (unary calls only), each call bounded by `timeout` seconds."""

    timeout: float
    publisher: Any = None
    subscriber: Any = None
    where: str = "Pub/Sub"

    def __post_init__(self) -> None:
        from google.auth.exceptions import DefaultCredentialsError
        from google.pubsub_v1 import PublisherClient, SubscriberClient

        emulator = os.environ.get("PUBSUB_EMULATOR_HOST", "").strip()
        if emulator:
            import grpc
            from google.pubsub_v1.services.publisher.transports import PublisherGrpcTransport
            from google.pubsub_v1.services.subscriber.transports import SubscriberGrpcTransport

            channel = grpc.insecure_channel(emulator)
            self.publisher = PublisherClient(transport=PublisherGrpcTransport(channel=channel))
            self.subscriber = SubscriberClient(transport=SubscriberGrpcTransport(channel=channel))
            self.where = f"the Pub/Sub emulator at {emulator} (PUBSUB_EMULATOR_HOST)"
            return
        try:
            self.publisher, self.subscriber = PublisherClient(), SubscriberClient()
        except DefaultCredentialsError:
            raise Stop(USAGE, "no credentials: run `gcloud auth application-default login`") from None

    def call(self, what: str, method: Callable[..., Any], **request: Any) -> Any:
        """One RPC, retried while Pub/Sub is briefly unavailable, within the timeout; errors become Stop."""
        from google.api_core import exceptions as e
        from google.api_core.retry import Retry, if_exception_type

        bound = self.timeout
        retry = Retry(
            initial=0.1,
            maximum=2.0,
            multiplier=2,
            timeout=bound,
            predicate=if_exception_type(e.ServiceUnavailable, e.InternalServerError, e.Aborted),
        )
        try:
            return method(request=request, retry=retry, timeout=bound)
        except e.NotFound:
            raise Stop(NOT_FOUND, f"not found: {what}") from None
        except e.AlreadyExists:
            raise Stop(REFUSED, f"already exists: {what}") from None
        except (e.DeadlineExceeded, e.RetryError, e.ServiceUnavailable):
            raise Stop(UNREACHABLE, f"{self.where} unreachable or slower than {bound:g}s ({what})") from None
        except e.PermissionDenied:
            raise Stop(FAILED, f"permission denied: {what}") from None
        except (e.InvalidArgument, e.FailedPrecondition) as error:
            raise Stop(REFUSED, f"refused: {what}: {error.message}") from None
        except e.GoogleAPICallError as error:
            raise Stop(FAILED, f"{what}: {type(error).__name__}: {error.message}") from None

    def pull(self, subscription: str, count: int, wait: float) -> list[Any]:
        """At most `count` messages; [] when none came within `wait` seconds."""
        from google.api_core import exceptions as e

        try:
            # A waiting (not return_immediately) pull, as Google advises; the emulator answers
            # an empty subscription about a second before the deadline.
            response = self.subscriber.pull(
                request={"subscription": subscription, "max_messages": count}, retry=None, timeout=wait
            )
        except e.DeadlineExceeded:
            return []
        except e.NotFound:
            raise Stop(NOT_FOUND, f"not found: subscription {subscription}") from None
        except e.ServiceUnavailable:
            raise Stop(UNREACHABLE, f"{self.where} unreachable (pull {short(subscription)})") from None
        return list(response.received_messages)

    def lease(self, subscription: str, ack_ids: list[str], seconds: int) -> None:
        """Hold messages for `seconds` (0: release them for redelivery at once)."""
        for start in range(0, len(ack_ids), BATCH):
            self.call(
                f"lease on {short(subscription)}",
                self.subscriber.modify_ack_deadline,
                subscription=subscription,
                ack_ids=ack_ids[start : start + BATCH],
                ack_deadline_seconds=seconds,
            )


# --- seek and snapshot -----------------------------------------------------------------


def retention(pubsub: PubSub, subscription: Any) -> timedelta | None:
    """How far back the subscription can be sought over acknowledged messages."""
    window = timedelta(0)
    if subscription.retain_acked_messages:
        # Unset on a subscription means Pub/Sub's default, 7 days.
        window = subscription.message_retention_duration or timedelta(days=7)
    try:
        topic = pubsub.call(f"topic {subscription.topic}", pubsub.publisher.get_topic, topic=subscription.topic)
    except Stop as stop:
        if stop.code != FAILED:
            raise
        # The topic of another project, not ours to read: Pub/Sub itself decides what it replays.
        say(f"warning: cannot read {subscription.topic}'s retention ({stop.message})")
        return None
    return max(window, topic.message_retention_duration or timedelta(0))


def ago(delta: timedelta) -> str:
    """A short age: 45s, 12m, 3h05m, 2d04h."""
    total = max(int(delta.total_seconds()), 0)
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{days}d{hours:02d}h"
    if hours:
        return f"{hours}h{minutes:02d}m"
    return f"{minutes}m" if minutes else f"{secs}s"


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def seek(args: argparse.Namespace, pubsub: PubSub) -> int:
    name = path("subscriptions", args.subscription)
    subscription = pubsub.call(f"subscription {name}", pubsub.subscriber.get_subscription, subscription=name)
    if args.snapshot:
        snapshot = path("snapshots", args.snapshot)
        pubsub.call(f"snapshot {snapshot}", pubsub.subscriber.seek, subscription=name, snapshot=snapshot)
        say(f"seek: {short(name)} redelivers what was unacknowledged at snapshot {short(snapshot)} and all since")
        return OK
    now = datetime.now(UTC)
    moment = now - args.since if args.since is not None else args.time
    if moment < now:
        kept = retention(pubsub, subscription)
        if kept is not None and not kept:
            raise Stop(
                REFUSED,
                f"no retention: topic {short(subscription.topic)} keeps no acknowledged messages, so a seek "
                "back replays nothing (deploy.sh sets TOPIC_RETENTION on webhooks-<id> topics)",
            )
        if kept and moment < now - kept:
            say(f"warning: only {ago(kept)} are kept; messages published before {stamp(now - kept)} are gone")
    pubsub.call(f"seek {name}", pubsub.subscriber.seek, subscription=name, time=moment)
    if moment < now:
        say(f"seek: {short(name)} redelivers every retained message published since {stamp(moment)}")
    else:
        say(f"seek: {short(name)} acknowledged every message published before {stamp(moment)}")
    return OK


def snapshot(args: argparse.Namespace, pubsub: PubSub) -> int:
    name = path("subscriptions", args.subscription)
    target = path("snapshots", args.name)
    made = pubsub.call(
        f"snapshot {target} of {name}", pubsub.subscriber.create_snapshot, name=target, subscription=name
    )
    expires = made.expire_time
    until = f", kept until {stamp(expires)}" if expires and expires.timestamp() > 0 else ""
    say(
        f"snapshot: {short(target)} of {short(name)} taken{until}; back to it: replay.py seek {args.subscription} "
        f"--snapshot {args.name}"
    )
    return OK


# --- dead letters ----------------------------------------------------------------------


def topic_id(provider_id: str) -> str:
    """The provider's topic id, as the functions name it (imported here: parsing needs no shared/)."""
    from shared.publisher import topic_id

    return topic_id(provider_id)


def event_type(message: Any) -> str:
    return message.attributes.get("event_type") or ""


def first_published(message: Any) -> datetime:
    """When the event was first published: Pub/Sub records it on dead-lettering."""
    original = message.attributes.get(f"{DEAD_LETTER_PREFIX}SourceTopicPublishTime", "")
    try:
        return datetime.fromisoformat(original)
    except ValueError:
        return message.publish_time


@dataclass
class Run:
    """What one pass over a dead-letter subscription did; held messages are released at the end."""

    seen: int = 0
    moved: int = 0
    matched: int = 0
    failed: int = 0
    held: dict[str, str] = field(default_factory=dict)  # message id -> its latest ack id


def dead_letters(pubsub: PubSub, subscription: str, wait: float, want: Callable[[], int], run: Run) -> Iterator[list]:
    """Batches of new dead letters, until `want()` is 0 or nothing new comes.

    A message seen already (held: listed, skipped or a dry run) is not given again; a batch
    with nothing new ends the pass. Two empty pulls in a row mean the subscription is drained.
    """
    empty = 0
    while (count := want()) > 0:
        received = pubsub.pull(subscription, min(BATCH, count), wait)
        if not received:
            empty += 1
            if empty == 2:
                return
            continue
        empty = 0
        fresh = [m for m in received if m.message.message_id not in run.held]
        for m in received:
            if m.message.message_id in run.held:
                run.held[m.message.message_id] = m.ack_id
        if received and not fresh:
            return
        run.seen += len(fresh)
        yield fresh


def hold(pubsub: PubSub, subscription: str, run: Run, messages: list) -> None:
    for m in messages:
        run.held[m.message.message_id] = m.ack_id
    pubsub.lease(subscription, [m.ack_id for m in messages], HOLD_SECONDS)


def release(pubsub: PubSub, subscription: str, run: Run) -> None:
    """Let held dead letters go at once; if Pub/Sub cannot be told, they come back after HOLD_SECONDS."""
    try:
        if run.held:
            pubsub.lease(subscription, list(run.held.values()), 0)
    except Stop:
        pass


def dead(args: argparse.Namespace, pubsub: PubSub) -> int:
    subscription = path("subscriptions", f"{topic_id(args.provider)}-dead")
    pubsub.call(f"subscription {subscription}", pubsub.subscriber.get_subscription, subscription=subscription)
    run = Run()
    now = datetime.now(UTC)
    oldest = timedelta(0)
    try:
        print(f"{'message':<20} {'event id':<38} {'type':<32} {'age':>7} {'attempts':>8}")
        for batch in dead_letters(pubsub, subscription, args.wait, lambda: args.limit - run.seen, run):
            hold(pubsub, subscription, run, batch)
            for m in batch:
                age = now - first_published(m.message)
                oldest = max(oldest, age)
                attributes = m.message.attributes
                print(
                    f"{m.message.message_id:<20} {attributes.get('ce-id', '-'):<38} {event_type(m.message) or '-':<32}"
                    f" {ago(age):>7} {attributes.get(f'{DEAD_LETTER_PREFIX}SourceDeliveryCount', '-'):>8}"
                )
    finally:
        release(pubsub, subscription, run)
    more = " (--limit reached: there may be more)" if run.seen >= args.limit else ""
    age = f", oldest {ago(oldest)}" if run.seen else ""
    say(f"dead: {run.seen} dead letters in {short(subscription)}{age}{more}; none acknowledged")
    return OK


def size(message: Any) -> int:
    return len(message.data) + sum(len(k) + len(v) for k, v in message.attributes.items())


def outgoing(message: Any) -> dict[str, Any]:
    """The dead letter as first published, plus `redriven`: how many times it was sent back."""
    attributes = {k: v for k, v in message.attributes.items() if not k.startswith(DEAD_LETTER_PREFIX)}
    times = attributes.get(REDRIVEN, "0")
    attributes[REDRIVEN] = str(int(times) + 1 if times.isdigit() else 1)
    return {"data": message.data, "attributes": attributes}


def chunks(batch: list, limit_bytes: int = PUBLISH_BYTES) -> Iterator[list]:
    """The batch cut into publish requests within Pub/Sub's request bounds."""
    chunk: list = []
    total = 0
    for m in batch:
        if chunk and (total + size(m.message) > limit_bytes or len(chunk) == PUBLISH_MESSAGES):
            yield chunk
            chunk, total = [], 0
        chunk.append(m)
        total += size(m.message)
    if chunk:
        yield chunk


def redrive(args: argparse.Namespace, pubsub: PubSub) -> int:
    subscription = path("subscriptions", f"{topic_id(args.provider)}-dead")
    topic = path("topics", topic_id(args.provider))
    pubsub.call(f"subscription {subscription}", pubsub.subscriber.get_subscription, subscription=subscription)
    pubsub.call(f"topic {topic}", pubsub.publisher.get_topic, topic=topic)
    limit = args.limit or sys.maxsize
    run = Run()
    progress = Progress("redrive" if not args.dry_run else "redrive --dry-run")
    try:
        for batch in dead_letters(pubsub, subscription, args.wait, lambda: limit - run.matched, run):
            wanted = [m for m in batch if fnmatch.fnmatchcase(event_type(m.message), args.type or "*")]
            wanted = wanted[: limit - run.matched]
            run.matched += len(wanted)
            chosen = {m.ack_id for m in wanted}
            keep = batch if args.dry_run else [m for m in batch if m.ack_id not in chosen]
            if keep:
                hold(pubsub, subscription, run, keep)
            if not args.dry_run:
                for chunk in chunks(wanted):
                    publish(pubsub, topic, subscription, chunk, run)
            progress.show(run)
    except KeyboardInterrupt:
        progress.end()
        say(f"interrupted: {summary(args, run, topic)}")
        return FAILED
    except Stop as stop:
        progress.end()
        stop.message += f" (so far: {summary(args, run, topic)})"
        raise
    finally:
        release(pubsub, subscription, run)
    progress.end()
    say(summary(args, run, topic))
    return FAILED if run.failed else OK


def publish(pubsub: PubSub, topic: str, subscription: str, chunk: list, run: Run) -> None:
    """Publish a chunk, then acknowledge exactly those dead letters (Pub/Sub confirmed them all)."""
    try:
        pubsub.call(
            f"publish to {short(topic)}",
            pubsub.publisher.publish,
            topic=topic,
            messages=[outgoing(m.message) for m in chunk],
        )
    except Stop as stop:
        if stop.code != REFUSED:  # unreachable, not found, permission denied: the rest would fail too
            raise
        # Refused (a message Pub/Sub will not take back): left where it is, looked at no more.
        say(f"not moved ({len(chunk)}): {stop.message}")
        hold(pubsub, subscription, run, chunk)
        run.failed += len(chunk)
        return
    # Published: if this acknowledgement is lost, the next run sends them again (a duplicate,
    # which the consume side's deduplication absorbs), never nothing.
    pubsub.call(
        f"acknowledge on {short(subscription)}",
        pubsub.subscriber.acknowledge,
        subscription=subscription,
        ack_ids=[m.ack_id for m in chunk],
    )
    run.moved += len(chunk)


def summary(args: argparse.Namespace, run: Run, topic: str) -> str:
    skipped = run.seen - run.matched
    others = f", {skipped} of other types left" if skipped and args.type else ""
    if args.dry_run:
        return f"redrive --dry-run: {run.matched} would go back to {short(topic)}{others}; nothing changed"
    failed = f", {run.failed} failed (still dead letters: run again)" if run.failed else ""
    return f"redrive: {run.moved} moved back to {short(topic)}{failed}{others}"


class Progress:
    """A count on stderr: rewritten in place on a terminal, a line per batch otherwise."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.tty = sys.stderr.isatty()
        self.shown = False

    def show(self, run: Run) -> None:
        text = f"{self.label}: {run.moved if 'dry' not in self.label else run.matched} of {run.seen} seen"
        sys.stderr.write(f"\r{text}" if self.tty else f"{text}\n")
        sys.stderr.flush()
        self.shown = True

    def end(self) -> None:
        if self.tty and self.shown:
            sys.stderr.write("\n")


def say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


COMMANDS = {"seek": seek, "snapshot": snapshot, "dead": dead, "redrive": redrive}


def main(argv: list[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
        return COMMANDS[args.command](args, PubSub(timeout=args.timeout))
    except Stop as stop:
        say(f"error: {stop.message}")
        return stop.code
    except KeyboardInterrupt:
        say("interrupted")
        return 130
    except BrokenPipeError:
        return FAILED
    except Exception as error:  # a bug of ours: still one line, never a traceback
        say(f"error: unexpected {type(error).__name__}: {error}"[:300])
        return FAILED


if __name__ == "__main__":
    sys.exit(main())
