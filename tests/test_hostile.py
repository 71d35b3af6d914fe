"""Hostile input, every provider: only ever a short 4xx or a verified publish; never a 500, never a forgery published.

Requests are drawn by hypothesis: any method, header names in any case, duplicated and
junk headers, bodies of every size up to past MAX_BODY_BYTES, invalid UTF-8, deeply
nested JSON, form bodies, fields of the sample's own JSON replaced by hostile values,
any content type; credentials missing, garbled (wrong length, wrong encoding, cut,
flipped, extended), made for another body, or signed far in the past, far in the
future or with a timestamp that is not a number. Only a request signed by the
sample's signer for its own body, now, with a method the provider takes, may be
published. Two runs: in process (functions-framework's ASGI app for `webhooks`,
starlette's test client) with many examples per provider, and a slice against a real
functions-framework process; both publish to the real emulator, whose topics are
pulled at the end to show that only the verified deliveries arrived.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import http.client
import io
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, assume, given, reject, settings
from hypothesis import strategies as st

import functions
from functions import load
from shared.schemes import Hmac, PublicKey
from tests.conftest import PROJECT, ROOT
from tests.signers import SAMPLES, environment, flip
from tests.test_contract import tolerance

LIMIT = 4096  # MAX_BODY_BYTES here: every size up to past the bound stays cheap
IN_PROCESS_EXAMPLES = 20
END_TO_END_EXAMPLES = 4
END_TO_END_CORPUS = 3  # over the wire, every third request of the corpus: all of it runs in process
ANSWERS = {200, 201, 202, 204, 400, 401, 403, 405, 413}
METHODS = ["GET", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"]
ROUTED = {"POST", *METHODS}  # functions-framework's aio routes (functions_framework/aio/__init__.py)

# Header values: printable latin-1 (what HTTP carries), never a control character.
PRINTABLE = st.characters(codec="latin-1", exclude_categories=("Cc",))
VISIBLE = st.characters(min_codepoint=0x21, max_codepoint=0x7E)
TOKEN_CHARACTERS = st.characters(codec="ascii", categories=("L", "N"), include_characters="-_")
# Junk header names; never one that frames the request (the server would refuse it before us).
FRAMING = {"content-length", "transfer-encoding", "host", "connection", "expect", "upgrade", "te", "trailer"}
header_names = st.text(TOKEN_CHARACTERS, min_size=1, max_size=20).filter(lambda name: name.lower() not in FRAMING)
garbage = st.text(PRINTABLE, max_size=120)


@dataclass(frozen=True)
class Hostile:
    provider: str
    mode: str
    method: str
    query: str
    headers: tuple[tuple[str, str], ...]
    body: bytes

    @property
    def may_publish(self) -> bool:
        """Signed by the provider's own signer, for this body, now, with a method it takes."""
        return self.mode == "signed" and self.method in load(self.provider).methods

    def __repr__(self) -> str:  # what hypothesis prints for a failing example
        return (
            f"Hostile({self.provider}, {self.mode}, {self.method} ?{self.query}, {self.headers}, {self.body[:300]!r})"
        )


def _schemes(provider: str) -> list[object]:
    declared = load(provider).verify
    found, pending = [], [declared]
    while pending:
        scheme = pending.pop()
        found.append(scheme)
        pending.extend(getattr(scheme, "schemes", ()))
        inner = getattr(scheme, "verify", None)  # BodyTimestamp wraps another scheme
        if inner is not None:
            pending.append(inner)
    return found


def timestamp_headers(provider: str) -> set[str]:
    """The headers the declaration reads a signed timestamp from (lowercase)."""
    return {
        s.timestamp.lower() for s in _schemes(provider) if isinstance(s, Hmac | PublicKey) and s.timestamp is not None
    }


def signer_headers(provider: str) -> set[str]:
    sample = SAMPLES[provider]
    now = int(time.time())
    return {name.lower() for name in sample.sign(sample.body_at(now), now)}


@functools.cache
def modes(provider: str) -> tuple[str, ...]:
    """The hostile kinds of request that apply, each only where it means something."""
    sample = SAMPLES[provider]
    result = ["unsigned"]
    if signer_headers(provider):
        result.append("garbled")
        if sample.signs_body:
            result.append("other_body")
        if timestamp_headers(provider) & signer_headers(provider):
            result.append("bad_timestamp")
    if tolerance(provider) is not None:
        result += ["stale", "future"]
    return tuple(result)


def spoiled(value: str) -> st.SearchStrategy[str]:
    """A credential that no longer verifies: cut, flipped, extended, replaced, re-encoded."""
    return st.one_of(
        garbage.filter(lambda v: v.strip() != value.strip()),
        st.integers(1, max(1, len(value))).map(lambda k: value[:-k]),
        st.just(flip(value)) if len(value) > 1 else st.just("x"),
        st.sampled_from("0Zx!").map(lambda c: value + c),
        st.binary(max_size=80).map(bytes.hex),  # hex of the wrong length (or the right one, random)
        st.binary(max_size=80).map(lambda b: base64.b64encode(b).decode()),
        st.binary(max_size=80).map(lambda b: base64.urlsafe_b64encode(b).decode().rstrip("=")),
        st.just("é" * 64),
    )


bad_timestamps = st.one_of(
    st.text(st.characters(codec="latin-1", exclude_categories=("Cc", "Nd")), max_size=30),
    st.sampled_from(["", "NaN", "inf", "-1", "1e9", "0x10", "12:34", "9" * 400, "2026-13-45T99:99:99Z"]),
)


def nested(depth: int, kind: str) -> bytes:
    if kind == "array":
        return b"[" * depth + b"]" * depth
    return b'{"a":' * depth + b"1" + b"}" * depth


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
# Shallow, or deeper than Python's recursion limit (1000) while within LIMIT.
nests = st.builds(nested, st.integers(1, 50) | st.integers(900, 2040), st.sampled_from(["array", "object"]))
FORM_FIELDS = ["payload", "type", "command", "event", "data", "signature", "timestamp", "token", "id"]
forms = st.dictionaries(
    st.sampled_from(FORM_FIELDS), st.one_of(garbage, nests.map(lambda b: b.decode())), max_size=4
).map(lambda fields: "&".join(f"{k}={quote(v) if len(v) % 2 else v}" for k, v in fields.items()).encode("latin-1"))
sizes = st.one_of(st.integers(0, LIMIT + 64), st.sampled_from([LIMIT - 1, LIMIT, LIMIT + 1]))


def with_field(document: object, path: tuple[str, ...], value: object) -> bytes:
    """The sample's JSON with one field (at most two levels down) replaced by `value`."""
    if not path or not isinstance(document, dict):
        return json.dumps(value).encode()
    return json.dumps({**document, path[0]: json.loads(with_field(document.get(path[0]), path[1:], value))}).encode()


def at(document: object, path: tuple[str, ...]) -> object:
    """The value at a path of `sample_paths`."""
    for key in path:
        document = document.get(key) if isinstance(document, dict) else None
    return document


@functools.cache
def sample_paths(body: bytes) -> list[tuple[str, ...]]:
    try:
        document = json.loads(body)
    except ValueError:
        return []
    if not isinstance(document, dict):
        return []
    paths = [(key,) for key in document]
    paths += [(key, inner) for key, value in document.items() if isinstance(value, dict) for inner in value]
    return paths


def bodies(provider: str, now: int, signed: bool) -> st.SearchStrategy[bytes]:
    sample = SAMPLES[provider]
    drawn = [
        st.binary(max_size=300),
        st.binary(max_size=200).map(lambda b: b'{"type": "' + b + b'\xff\xfe\xc3"}'),  # never UTF-8
        nests,
        json_values.map(lambda v: json.dumps(v).encode()),
        forms,
        st.builds(
            lambda n, chunk: (chunk * (n // max(1, len(chunk)) + 1))[:n], sizes, st.binary(min_size=1, max_size=8)
        ),
    ]
    # The sample's own body carries its credential where it is not in a header (Mailgun, Graph):
    # only a signed request may start from it.
    if signed or sample.signature_header is not None:
        body = sample.body_at(now)
        paths = sample_paths(sample.body)
        drawn.append(st.just(body))
        if paths:
            document = json.loads(sample.body)
            hostile_values = st.one_of(json_values, nests.map(lambda b: json.loads(b) if len(b) < 1500 else None))
            drawn.append(st.builds(lambda p, v: with_field(document, p, v), st.sampled_from(paths), hostile_values))
    return st.one_of(drawn)


def sign(provider: str, body: bytes, now: int, strict: bool = True) -> dict[str, str] | None:
    """The sample signer's headers; None (or, inside hypothesis, a rejected example) when it cannot sign."""
    try:
        return SAMPLES[provider].sign(body, now)
    except Exception:  # noqa: BLE001 - an SDK that cannot sign these bytes (Svix decodes them): not a case
        if strict:
            reject()
        return None


@st.composite
def hostile(draw: st.DrawFn, provider: str, methods: list[str]) -> Hostile:
    sample = SAMPLES[provider]
    now = int(time.time())
    # Half signed: a verified body is where parsing happens, and where a bug would publish or crash.
    mode = draw(st.one_of(st.just("signed"), st.sampled_from(modes(provider))))
    if mode in ("stale", "future"):
        margin = int(tolerance(provider) or 0) + 2
        # Drawn as an offset: what hypothesis draws must not depend on the clock.
        offset = draw(st.integers(margin, 1_700_000_000 if mode == "stale" else 10**9))
        when = now - offset if mode == "stale" else now + offset
        body = sample.body_at(when)
        credentials = sign(provider, body, when)
    else:
        body = draw(bodies(provider, now, signed=mode == "signed"))
        credentials = {}
        if mode in ("signed", "bad_timestamp"):
            credentials = sign(provider, body, now)
        elif mode == "other_body":
            assume(body != sample.body_at(now))
            credentials = sign(provider, sample.body_at(now), now)
        elif mode == "garbled":
            credentials = {k: draw(spoiled(v)) for k, v in sign(provider, sample.body_at(now), now).items()}
        if mode == "bad_timestamp":
            stamps = timestamp_headers(provider)
            credentials = {k: draw(bad_timestamps) if k.lower() in stamps else v for k, v in credentials.items()}
    content_type = draw(
        st.one_of(
            st.sampled_from(
                [
                    sample.content_type,
                    "application/json",
                    "application/x-www-form-urlencoded",
                    "text/plain",
                    "multipart/form-data; boundary=x",
                    "application/json; charset=latin-1",
                    "",
                ]
            ),
            st.text(VISIBLE, max_size=40),
        )
    )
    items = [("Content-Type", content_type)] if content_type else []
    items += [*sample.headers.items(), *credentials.items()]
    casing = draw(st.lists(st.sampled_from([str, str.lower, str.upper, str.swapcase]), min_size=len(items)))
    items = [(change(name), value) for change, (name, value) in zip(casing, items, strict=False)]
    names = [name for name, _ in items] or ["X-Nothing"]
    duplicates = draw(st.lists(st.tuples(st.sampled_from(names), garbage), max_size=3))
    junk = draw(st.lists(st.tuples(header_names, garbage), max_size=3))
    before = draw(st.booleans())  # a duplicate before the real header hides it: then nothing verifies
    items = [*duplicates, *items, *junk] if before else [*items, *duplicates, *junk]
    query = draw(
        st.one_of(
            st.just(sample.query),
            st.text(st.characters(codec="ascii", categories=("L", "N"), include_characters="=&%._-"), max_size=40),
            st.sampled_from(["validationToken=x", "hub.mode=subscribe&hub.challenge=1&hub.verify_token=no", "%ff%fe"]),
        )
    )
    method = draw(st.one_of(st.just("POST"), st.sampled_from(methods)))
    return Hostile(provider, mode, method, query, tuple(items), body)


@dataclass
class Answer:
    status: int
    body: bytes
    logged: list[str]  # the lines the function logged for this request


def judge(request: Hostile, answer: Answer) -> bool:
    """Assert the contract for one hostile request; whether it was published."""
    assert answer.status in ANSWERS, (answer.status, answer.body, answer.logged)
    if request.method not in ROUTED:
        # functions-framework routes only these methods: it refuses the rest before our code runs.
        assert (answer.status, answer.logged) == (405, [])
        return False
    assert len(answer.logged) == 1 and "Traceback" not in answer.logged[0], answer.logged
    record = json.loads(answer.logged[0])
    assert record["outcome"] != "error" and record["status"] == answer.status, record
    if answer.status >= 400:
        assert len(answer.body) <= 64, answer.body
    if len(request.body) > LIMIT:
        assert answer.status == 413
    published = record["outcome"] == "published"
    assert not published or request.may_publish, record
    return published


def assert_only_verified_published(topic, provider: str, published: list[bytes]) -> int:
    """The provider's topic holds exactly the deliveries judged published: none more."""
    messages = topic.pull(expect=len(published), wait=10)
    if load(provider).payload is None:
        assert sorted(m.data for m in messages) == sorted(published)
    assert len(messages) == len(published)
    return len(published)


DEEP = b"[" * 1000  # deeper than Python's recursion limit: json.loads gives up before it sees the end
FORM = "application/x-www-form-urlencoded"
WRONG_TYPES = (None, 7, [], {}, "x", [[[[1]]]], True)
LONE_SURROGATE = "\ud800"  # half a pair: `{"type": "\\ud800"}`


def deep_token() -> str:
    """A JWT-shaped token whose header and payload nest past the recursion limit, signed by no one."""
    part = base64.urlsafe_b64encode(DEEP).rstrip(b"=").decode()
    return f"{part}.{part}.c2ln"


def corpus(provider: str) -> list[Hostile]:
    """The corners hypothesis seldom reaches, for every provider, deterministic.

    Signed: deep nesting raw and in every form field, invalid UTF-8, the sizes at the
    bound, each field of the sample's JSON given a wrong type, and a lone surrogate. Unsigned: each credential
    header replaced by a token whose JSON nests past the recursion limit.
    """
    sample = SAMPLES[provider]
    now = int(time.time())
    document = json.loads(sample.body) if sample_paths(sample.body) else None
    raw = [
        DEEP,
        nested(900, "object") + b"x",
        b'{"type": "\xff\xfe"}',
        b"\xc3\x28",
        b"",
        b"{" * LIMIT,
        b"[" * (LIMIT + 1),
    ]
    bodies = [(body, content_type) for body in raw for content_type in (sample.content_type, FORM)]
    for start in range(0, len(FORM_FIELDS), 3):
        form = b"&".join(field.encode() + b"=" + DEEP for field in FORM_FIELDS[start : start + 3])
        bodies.append((form, FORM))
    paths = sample_paths(sample.body)[:12]
    bodies += [
        (with_field(document, p, WRONG_TYPES[i % len(WRONG_TYPES)]), sample.content_type) for i, p in enumerate(paths)
    ]
    # Valid JSON that json.loads turns into a string with no UTF-8 form (issue 16), in each string field.
    texts = [p for p in paths if isinstance(at(document, p), str)]
    bodies += [(with_field(document, p, LONE_SURROGATE), sample.content_type) for p in texts]
    head = (*sample.headers.items(),)
    signed = []
    for body, content_type in bodies:
        credentials = sign(provider, body, now, strict=False)
        if credentials is not None:
            items = (("Content-Type", content_type), *head, *credentials.items())
            signed.append(Hostile(provider, "signed", "POST", sample.query, items, body))
    # The credential itself replaced (the other headers the signer sent may be ones nobody checks).
    valid = sign(provider, sample.body_at(now), now, strict=False) or {}
    garbled = [
        Hostile(
            provider,
            "garbled",
            "POST",
            sample.query,
            (("Content-Type", sample.content_type), *head, *{**valid, name: prefix + deep_token()}.items()),
            sample.body_at(now),
        )
        for name, value in valid.items()
        if name.lower() == (sample.signature_header or "").lower()
        for prefix in ("", "Bearer ", "Basic ", "v1,", "t=1,v1=")
    ]
    return signed + garbled


def run(
    provider: str, send: Callable[[Hostile], Answer], examples: int, methods: list[str], every: int = 1
) -> list[bytes]:
    """The corpus (every `every`th request of it) and `examples` draws; the bodies published."""
    published: list[bytes] = []
    counted = {"examples": 0}
    for request in corpus(provider)[::every]:
        counted["examples"] += 1
        if judge(request, send(request)):
            published.append(request.body)

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
    )
    @given(request=hostile(provider, methods))
    def check(request: Hostile) -> None:
        counted["examples"] += 1
        if judge(request, send(request)):
            published.append(request.body)

    check()
    assert counted["examples"] >= examples // 2
    return published


# -- in process: functions-framework's own ASGI app, many examples ------------------------


@pytest.fixture(scope="module")
def app(emulator, google_certs):
    """functions-framework's ASGI app for `webhooks`, configured as the test server is."""
    import functions_framework.aio
    from starlette.testclient import TestClient

    variables = {
        **environment(google_certs.url),
        "PUBSUB_EMULATOR_HOST": emulator.host,
        "GOOGLE_CLOUD_PROJECT": PROJECT,
        "MAX_BODY_BYTES": str(LIMIT),
    }
    with pytest.MonkeyPatch.context() as patch:
        for name, value in variables.items():
            patch.setenv(name, value)
        application = functions_framework.aio.create_asgi_app(target="webhooks", source=str(ROOT / "main.py"))
        with TestClient(application, raise_server_exceptions=False) as client:
            yield client


def in_process(client) -> Callable[[Hostile], Answer]:
    def send(request: Hostile) -> Answer:
        out, err = io.StringIO(), io.StringIO()
        headers = [(name.encode("latin-1"), value.encode("latin-1")) for name, value in request.headers]
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            response = client.request(
                request.method, f"/{request.provider}?{request.query}", content=request.body, headers=headers
            )
        logged = out.getvalue().splitlines()
        # Back where pytest captures it, so the log audit (tests/leaks.py) reads it too.
        sys.stdout.write(out.getvalue())
        sys.stderr.write(err.getvalue())
        assert "Traceback" not in err.getvalue(), err.getvalue()
        return Answer(response.status_code, response.content, logged)

    return send


@pytest.mark.parametrize("provider", functions.names())
def test_hostile_requests_in_process(app, topic, provider: str) -> None:
    subscription = topic(provider)
    published = run(provider, in_process(app), IN_PROCESS_EXAMPLES, [*METHODS, "PROPFIND", "BREW"])
    assert_only_verified_published(subscription, provider, published)


# -- end to end: a real functions-framework process, bytes on the wire --------------------


@pytest.fixture(scope="module")
def small_server(emulator, server_factory, google_certs):
    return server_factory(
        "webhooks",
        {"PUBSUB_EMULATOR_HOST": emulator.host, "MAX_BODY_BYTES": str(LIMIT), **environment(google_certs.url)},
        name="hostile",
    )


def over_the_wire(server) -> Callable[[Hostile], Answer]:
    host, port = server.url.removeprefix("http://").split(":")
    log = open(server.log, encoding="utf-8", errors="replace")  # read as the test goes, closed with the process
    log.seek(0, io.SEEK_END)

    def send(request: Hostile) -> Answer:
        connection = http.client.HTTPConnection(host, int(port), timeout=20)
        try:
            # putheader sends names and values as given: duplicates and any casing reach the server.
            connection.putrequest(request.method, f"/{request.provider}?{request.query}", skip_accept_encoding=True)
            for name, value in request.headers:
                connection.putheader(name, value.encode("latin-1"))
            connection.putheader("Content-Length", str(len(request.body)))
            connection.endheaders(request.body)
            response = connection.getresponse()
            status, body = response.status, response.read()
        finally:
            connection.close()
        deadline = time.monotonic() + 2
        lines: list[str] = []
        while not any(line.startswith("{") for line in lines) and time.monotonic() < deadline:
            lines += log.read().splitlines()
            time.sleep(0.005)
        # Beside our JSON lines the process may write a library's warning (PyJWT's on short keys).
        assert not any("Traceback" in line for line in lines), lines
        return Answer(status, body, [line for line in lines if line.startswith("{")])

    return send


@pytest.mark.parametrize("provider", functions.names())
def test_hostile_requests_end_to_end(small_server, topic, provider: str) -> None:
    subscription = topic(provider)
    published = run(provider, over_the_wire(small_server), END_TO_END_EXAMPLES, METHODS, END_TO_END_CORPUS)
    assert_only_verified_published(subscription, provider, published)
    assert "Traceback" not in small_server.log.read_text()
