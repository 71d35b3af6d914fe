"""The claim check: bodies too large for a Pub/Sub message, kept in Cloud Storage.

The receiving side writes a body to its object while the request is read, through a
resumable upload session (https://cloud.google.com/storage/docs/performing-resumable-uploads)
whose last bytes are held back: the object exists only once `Upload.commit()` sends them,
which the pipeline does after the signature verified. An upload that is abandoned (bad
signature, client gone, storage slow) is cancelled and never becomes an object, so the
functions need no permission to delete anything. The consuming side reads a body back with
`fetch()`, which checks its SHA-256.

Memory is bounded by one per-instance byte budget (`BODY_MEMORY_BYTES`): a streamed body
holds at most two upload chunks, a body its scheme must parse is held whole; a delivery
the budget cannot take now is a 503 with Retry-After.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import re
import threading
import time
import uuid
from datetime import UTC, datetime

from shared.crypto import equal
from shared.errors import NotConfigured, Unavailable

# Resumable uploads take chunks in multiples of 256 KiB. 2 MiB keeps a streamed 25 MB body
# at 13 requests to Cloud Storage while holding at most two chunks of it (bench/large.py).
CHUNK_BYTES = 8 * 256 * 1024

DEFAULT_MEMORY_BYTES = 64 * 1024 * 1024
"""The default BODY_MEMORY_BYTES: what one instance may hold of claim-checked bodies at once."""

_client = None
_http = None
_lock = threading.Lock()


def bucket() -> str | None:
    """BODY_BUCKET, or None: without it, bodies over a message are refused as before."""
    return os.environ.get("BODY_BUCKET", "").strip() or None


def memory_bytes() -> int:
    """BODY_MEMORY_BYTES: the per-instance budget for claim-checked bodies in memory."""
    value = os.environ.get("BODY_MEMORY_BYTES", "").strip()
    try:
        return int(value) if value else DEFAULT_MEMORY_BYTES
    except ValueError:
        raise NotConfigured("BODY_MEMORY_BYTES") from None


class Budget:
    """Bytes of bodies this instance holds now, within BODY_MEMORY_BYTES.

    A reservation that does not fit waits for others to finish, as long as the caller can
    afford (GitHub never retries a 503: waiting a second beats losing the delivery), then is
    refused. Only coroutines on the one event loop reserve and release, so no lock is needed.
    """

    def __init__(self) -> None:
        self.used = 0
        self._waiting: list[asyncio.Future] = []

    async def reserve(self, size: int, wait: float) -> None:
        """Take `size` bytes, waiting up to `wait` seconds; else a 503 (the provider may retry)."""
        limit = memory_bytes()
        give_up = time.monotonic() + wait
        while self.used + size > limit:
            left = give_up - time.monotonic()
            if size > limit or left <= 0:
                raise Unavailable("body_budget")
            freed = asyncio.get_running_loop().create_future()
            self._waiting.append(freed)
            try:
                await asyncio.wait_for(freed, left)
            except TimeoutError:
                raise Unavailable("body_budget") from None
            finally:
                if freed in self._waiting:
                    self._waiting.remove(freed)
        self.used += size

    def release(self, size: int) -> None:
        """Give `size` bytes back, and wake whoever waits for them."""
        self.used -= size
        waiting, self._waiting = self._waiting, []
        for freed in waiting:
            if not freed.done():
                freed.set_result(None)


budget = Budget()

_UNSAFE = re.compile(r"[^A-Za-z0-9._=-]")


def object_name(provider: str, ce_id: str, received_at: float) -> str:
    """`<provider>/<yyyy>/<mm>/<dd>/<ce-id>`, the id made safe for an object name.

    Anything but letters, digits and `._=-` becomes `_` (no `/`, no `..`, no control or
    wildcard characters: https://cloud.google.com/storage/docs/objects#naming), cut to 200.
    """
    day = datetime.fromtimestamp(received_at, UTC).strftime("%Y/%m/%d")
    safe = _UNSAFE.sub("_", ce_id)[:200].strip(".") or str(uuid.uuid4())
    return f"{provider}/{day}/{safe}"


def client():
    """The process's storage Client (STORAGE_EMULATOR_HOST honoured by the client itself)."""
    global _client
    if _client is None:
        with _lock:
            if _client is None:
                from google.cloud import storage

                _client = storage.Client()
    return _client


def _session_http():
    # Chunks go to the session URI, which is its own credential: an async client holds no
    # thread while 25 MB travel, where the storage library's requests would hold one each.
    global _http
    if _http is None:
        import httpx

        _http = httpx.AsyncClient(timeout=None, limits=httpx.Limits(max_keepalive_connections=16))
    return _http


class Upload:
    """One body written to `gs://bucket/name` as it arrives; an object only after `commit()`."""

    def __init__(self, bucket_name: str, name: str, content_type: str, deadline_at: float) -> None:
        self.bucket = bucket_name
        self.name = name
        self.content_type = content_type
        self.deadline_at = deadline_at  # time.monotonic() by which storage must have answered
        self.size = 0
        self.sent = 0
        self._sha256 = hashlib.sha256()
        self._pending = bytearray()
        self._session: str | None = None
        self.exists = False  # stored already under this name (a redelivery): nothing to send

    @property
    def uri(self) -> str:
        """`gs://bucket/object`."""
        return f"gs://{self.bucket}/{self.name}"

    @property
    def sha256(self) -> str:
        """The hex SHA-256 of the bytes written so far."""
        return self._sha256.hexdigest()

    def _remaining(self) -> float:
        left = self.deadline_at - time.monotonic()
        if left <= 0:
            raise Unavailable("storage_timeout")
        return left

    async def start(self) -> None:
        """Open the resumable session: create-only, so a stored body is never replaced."""
        from google.api_core.exceptions import PreconditionFailed

        blob = client().bucket(self.bucket).blob(self.name)
        timeout = self._remaining()
        try:
            self._session = await asyncio.wait_for(
                asyncio.to_thread(
                    blob.create_resumable_upload_session,
                    content_type=self.content_type,
                    timeout=timeout,
                    checksum=None,
                    if_generation_match=0,
                    retry=None,
                ),
                timeout,
            )
        except PreconditionFailed:
            # Stored before under this name (same delivery id, same day: a redelivery).
            # Create-only keeps the first copy; the message names it, and its body-sha256
            # is what a consumer checks the stored bytes against.
            self.exists = True
        except TimeoutError:
            raise Unavailable("storage_timeout") from None
        except Exception:  # noqa: BLE001 - unreachable, refused: the provider retries
            raise Unavailable("storage_unavailable") from None

    async def write(self, chunk: bytes) -> None:
        """Take some bytes of the body; whole chunks past the last go to storage now."""
        self.size += len(chunk)
        self._sha256.update(chunk)
        if self.exists:
            return
        self._pending += chunk
        # Keep at least one byte back: the request that sends the last bytes makes the object.
        while len(self._pending) > CHUNK_BYTES:
            piece = bytes(memoryview(self._pending)[:CHUNK_BYTES])
            del self._pending[:CHUNK_BYTES]
            await self._put(piece, f"bytes {self.sent}-{self.sent + len(piece) - 1}/*", final=False)
            self.sent += len(piece)

    async def commit(self) -> str:
        """Send the last bytes: the object now exists. Returns its `gs://` URI."""
        if self.exists:
            return self.uri
        piece = bytes(self._pending)
        self._pending = bytearray()
        end = f"{self.sent}-{self.sent + len(piece) - 1}" if piece else "*"
        await self._put(piece, f"bytes {end}/{self.size}", final=True)
        self.sent += len(piece)
        return self.uri

    async def _put(self, piece: bytes, content_range: str, final: bool) -> None:
        timeout = self._remaining()
        try:
            headers = {"Content-Range": content_range, "Content-Length": str(len(piece))}
            response = await asyncio.wait_for(
                _session_http().put(self._session, content=_once(piece), headers=headers, timeout=timeout), timeout
            )
        except TimeoutError:
            raise Unavailable("storage_timeout") from None
        except Exception:  # noqa: BLE001 - connection refused, reset
            raise Unavailable("storage_unavailable") from None
        if final and response.status_code == 412:
            return  # created meanwhile by the same delivery sent twice at once (see start)
        if response.status_code != (200 if final else 308) and not (final and response.status_code == 201):
            raise Unavailable("storage_failed")

    async def abort(self) -> None:
        """Cancel the session: what was sent never becomes an object. Best effort, bounded."""
        self._pending = bytearray()
        if self._session is None:
            return
        session, self._session = self._session, None
        try:
            # Cloud Storage answers 499 to a cancelled session; an unanswered one expires in a week.
            await asyncio.wait_for(_session_http().delete(session), 2.0)
        except Exception:  # noqa: BLE001, S110 - nothing was stored either way
            pass


async def _once(piece: bytes):
    # httpx's request and response refer to each other, a cycle the collector frees only when
    # it next runs (it counts objects, not bytes): content given as bytes stayed alive with
    # them, 25 MB a delivery (tracemalloc, bench/large.py). An exhausted generator lets go.
    yield piece


class BodyMismatch(ValueError):
    """A stored body whose bytes do not hash to the message's body-sha256."""


def _split(uri: str) -> tuple[str, str]:
    if not uri.startswith("gs://") or "/" not in uri[5:]:
        raise ValueError("body-uri is not gs://bucket/object")
    name, _, path = uri[5:].partition("/")
    return name, path


def fetch(uri: str, sha256: str | None) -> bytes:
    """The body a message's `body-uri` names, checked against its `body-sha256` when given."""
    name, path = _split(uri)
    data = client().bucket(name).blob(path).download_as_bytes()
    if sha256:  # None or empty: nothing to check against
        try:
            expected = bytes.fromhex(sha256)
        except ValueError:
            raise BodyMismatch(f"body-sha256 of {uri} is not hex") from None
        if not equal(hashlib.sha256(data).digest(), expected):
            raise BodyMismatch(f"{uri}: stored bytes do not match body-sha256")
    return data
