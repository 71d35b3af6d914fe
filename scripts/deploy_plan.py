"""What deploy.sh deploys: one tab-separated line per provider, read from functions/ at run time.

Fields: id, function name, topic, service account id, secret variable, secret id,
extra variables (comma-separated, `-` for none), access (`public`/`private`), min instances.
`python scripts/deploy_plan.py [ID...]` (no id or `all`: every provider). Unknown id: exit 2.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import functions  # noqa: E402

# Providers whose callers present a Google-signed token: Cloud Run's IAM checks the
# caller too (--no-allow-unauthenticated). The only place this list lives.
PRIVATE = frozenset({"pubsub_push", "cloud_run"})
# A provider that gives up in under this many seconds cannot wait for a cold start.
WARM_BELOW_SECONDS = 5.0


@dataclass(frozen=True)
class Plan:
    id: str
    function: str
    topic: str
    service_account: str
    secret_variable: str
    secret_id: str
    extra: tuple[str, ...]
    access: str
    min_instances: int

    def line(self) -> str:
        fields = [
            self.id,
            self.function,
            self.topic,
            self.service_account,
            self.secret_variable or "-",
            self.secret_id or "-",
            ",".join(self.extra) or "-",
            self.access,
            str(self.min_instances),
        ]
        return "\t".join(fields)


def account_id(provider_id: str) -> str:
    """A service account id (6 to 30 of [a-z0-9-], starting with a letter) unique per provider."""
    name = "wh-" + provider_id.replace("_", "-")
    if len(name) > 30:
        name = name[:23].rstrip("-") + "-" + hashlib.sha256(provider_id.encode()).hexdigest()[:6]
    return name.ljust(6, "0")


def plan(provider_id: str) -> Plan:
    provider = functions.load(provider_id)
    dashed = provider_id.replace("_", "-")
    secret = f"{provider_id.upper()}_{provider.secret}" if provider.secret else ""
    return Plan(
        id=provider_id,
        function=f"webhooks-{dashed}",
        topic=f"webhooks-{dashed}",
        service_account=account_id(provider_id),
        secret_variable=secret,
        secret_id=f"webhooks-{dashed}-{provider.secret.lower().replace('_', '-')}" if secret else "",
        extra=tuple(provider.variables),
        access="private" if provider_id in PRIVATE else "public",
        min_instances=1 if provider.timeout < WARM_BELOW_SECONDS else 0,
    )


def main(argv: list[str]) -> int:
    wanted = [name for name in argv if name != "all"] or list(functions.names())
    unknown = [name for name in wanted if name not in functions.names()]
    if unknown:
        print(f"unknown provider: {', '.join(unknown)} (known: {', '.join(functions.names())})", file=sys.stderr)
        return 2
    for name in dict.fromkeys(wanted):
        print(plan(name).line())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
