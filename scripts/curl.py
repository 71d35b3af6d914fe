"""Print a ready-to-paste, correctly signed curl command for a provider and a payload file.

    python scripts/curl.py PROVIDER PAYLOAD_FILE [--url http://localhost:8080/PROVIDER] [-H 'Name: value']

The secret comes from `<ID>_WEBHOOK_SECRET` (the first one, if several). Schemes that
sign with a private key only the provider holds cannot be signed here.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from functions import PROVIDERS  # noqa: E402
from scripts.localenv import load_local_env  # noqa: E402
from shared.delivery import Delivery  # noqa: E402
from shared.errors import NotConfigured  # noqa: E402
from shared.secrets import load  # noqa: E402

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def example(provider_id: str) -> Path | None:
    """The provider's example payload in examples/, if it has one."""
    return next(iter(sorted(EXAMPLES.glob(f"{provider_id}.*"))), None)


def signable(provider_id: str) -> bool:
    """Whether this helper can sign for the provider (not a private key only it holds)."""
    verify = PROVIDERS[provider_id].verify
    return hasattr(verify, "sign") or hasattr(sys.modules[verify.__module__], "scheme")


def command(provider_id: str, payload: Path, url: str, extra: list[str]) -> str:
    """The curl command line, signed now."""
    provider = PROVIDERS[provider_id]
    body = payload.read_bytes()
    headers = dict(item.split(":", 1) for item in extra)
    headers = {k.strip(): v.strip() for k, v in headers.items()}
    content_type = "application/x-www-form-urlencoded" if body[:1] not in (b"{", b"[") else "application/json"
    headers.setdefault("Content-Type", content_type)
    verify = provider.verify
    scheme = getattr(sys.modules[verify.__module__], "scheme", None) if callable(verify) else None
    if not hasattr(verify, "sign") and scheme is not None:
        verify = scheme()
    if not hasattr(verify, "sign"):
        raise SystemExit(f"{provider_id}: its scheme cannot be signed locally; use the provider's test delivery")
    id_header = getattr(verify, "id", None)
    if id_header:
        headers.setdefault(id_header, f"msg_{uuid.uuid4().hex}")
    path = "/" + url.split("://", 1)[-1].partition("/")[2].partition("?")[0]
    delivery = Delivery(
        provider=provider_id,
        method="POST",
        path=path,
        headers=headers,
        body=body,
        received_at=time.time(),
        host=url.split("://", 1)[-1].partition("/")[0],
        scheme=url.split("://", 1)[0],
    )
    try:
        secret = load(provider_id, provider.secret)[0].value
    except NotConfigured as error:
        raise SystemExit(f"set {error.variable} first") from None
    headers.update(verify.sign(delivery, secret))
    parts = ["curl", "-sS", "-i", "-X", "POST", url]
    for name, value in headers.items():
        parts += ["-H", f"{name}: {value}"]
    parts += ["--data-binary", f"@{payload}"]
    return shlex.join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("provider", choices=sorted(PROVIDERS))
    parser.add_argument("payload", type=Path)
    parser.add_argument("--url", help="default http://localhost:8080/PROVIDER")
    parser.add_argument("-H", dest="headers", action="append", default=[], help="extra header 'Name: value'")
    args = parser.parse_args()
    load_local_env()
    url = args.url or f"http://localhost:8080/{args.provider}"
    os.environ.setdefault(f"{args.provider.upper()}_PUBLIC_URL", url)
    print(command(args.provider, args.payload, url, args.headers))


if __name__ == "__main__":
    main()
