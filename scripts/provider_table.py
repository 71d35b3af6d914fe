"""Generate docs/providers.md's table, curl list and coverage, and README's provider index, from PROVIDERS."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from functions import PROVIDERS  # noqa: E402
from shared.provider import Answer, Provider, Retries, describe  # noqa: E402

START, END = "<!-- providers:start -->", "<!-- providers:end -->"
CURL_START, CURL_END = "<!-- curl:start -->", "<!-- curl:end -->"
COVERAGE_START, COVERAGE_END = "<!-- coverage:start -->", "<!-- coverage:end -->"
INDEX_START, INDEX_END = "<!-- index:start -->", "<!-- index:end -->"
ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "providers.md"
README = ROOT / "README.md"


def retries(policy: Retries) -> str:
    """The retries column: yes, no or unknown, linked to the source, then what is known of it."""
    facts = [policy.on, policy.schedule]
    if policy.resigned is not None:
        facts.append("re-signed" if policy.resigned else "not re-signed")
    if policy.disables:
        facts.append(f"disables: {policy.disables}")
    known = "; ".join(fact for fact in facts if fact)
    return f"[{policy.word}]({policy.source})" + (f": {known}" if known else "")


def retries_count() -> str:
    """How many providers retry, never do (named: a 503 loses their event) or are unknown."""
    words = [provider.retries.word for provider in PROVIDERS.values()]
    never = ", ".join(f"`{p.id}`" for p in PROVIDERS.values() if p.retries.retries is False)
    return (
        f"Retries: {words.count('yes')} providers retry, {words.count('no')} never do ({never}), "
        f"{words.count('unknown')} unknown."
    )


def table() -> str:
    """The markdown table, one row per provider, after the retries count."""
    rows = [
        retries_count(),
        "",
        "| id | verified | handshake | variables | event_type | delivery_id | deadline | retries |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for provider in PROVIDERS.values():
        handshakes = [h for h in (provider.challenge, provider.handshake) if h is not None]
        variables = [f"{provider.id.upper()}_{provider.secret}", *provider.variables]
        rows.append(
            "| "
            + " | ".join(
                [
                    f"[`{provider.id}`]({provider.docs})",
                    provider.summary,
                    "; ".join(describe(h) for h in handshakes) or "-",
                    "<br>".join(f"`{v}`" for v in variables),
                    describe(provider.event_type),
                    describe(provider.delivery_id),
                    f"{provider.deadline:g} s of {provider.timeout:g} s",
                    retries(provider.retries),
                ]
            )
            + " |"
        )
    return "\n".join(rows)


def expected(provider: Provider) -> str:
    """The answer a signed example gets: the provider's acknowledgement."""
    if not isinstance(provider.ack, Answer):
        return "200"
    body = provider.ack.body.decode(errors="replace")
    return f"{provider.ack.status} {body}" if body and len(body) <= 24 else str(provider.ack.status)


def curl_block() -> str:
    """One signed curl per provider with an example payload that the helper can sign."""
    from scripts.curl import example, signable

    lines = ["```sh"]
    for provider in PROVIDERS.values():
        payload = example(provider.id)
        if payload is None or not signable(provider.id):
            continue
        command = f".venv/bin/python scripts/curl.py {provider.id} examples/{payload.name} | sh"
        lines.append(f"{command:<82} # {expected(provider)}")
    lines.append("```")
    return "\n".join(lines)


def index() -> str:
    """README's short index: every id (details in docs/providers.md)."""
    return f"{len(PROVIDERS)} providers: " + ", ".join(f"`{p}`" for p in PROVIDERS) + "."


def coverage() -> str:
    """docs/providers.md's account of ngrok's and Hookdeck's lists (scripts/reference_lists.py)."""
    from scripts.reference_lists import block

    return block(tuple(PROVIDERS))


def _replace(text: str, start: str, end: str, block: str) -> str:
    before, _, rest = text.partition(start)
    _, _, after = rest.partition(end)
    return f"{before}{start}\n{block}\n{end}{after}"


def main() -> None:
    """Print the table, or with --write replace the generated blocks in docs/providers.md and README.md."""
    if "--write" in sys.argv:
        text = _replace(DOCS.read_text(), START, END, table())
        text = _replace(text, CURL_START, CURL_END, curl_block())
        DOCS.write_text(_replace(text, COVERAGE_START, COVERAGE_END, coverage()))
        README.write_text(_replace(README.read_text(), INDEX_START, INDEX_END, index()))
    else:
        print(table())


if __name__ == "__main__":
    main()
