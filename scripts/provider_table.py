"""Print the README's provider table from PROVIDERS, so the table cannot drift."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from functions import PROVIDERS  # noqa: E402
from shared.provider import describe  # noqa: E402

START, END = "<!-- providers:start -->", "<!-- providers:end -->"


def table() -> str:
    """The markdown table, one row per provider."""
    rows = [
        "| id | verified | handshake | variables | event_type | delivery_id | deadline |",
        "|---|---|---|---|---|---|---|",
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
                ]
            )
            + " |"
        )
    return "\n".join(rows)


def main() -> None:
    """Print the table, or with --write replace it in README.md."""
    if "--write" in sys.argv:
        readme = Path(__file__).resolve().parent.parent / "README.md"
        text = readme.read_text()
        before, _, rest = text.partition(START)
        _, _, after = rest.partition(END)
        readme.write_text(f"{before}{START}\n{table()}\n{END}{after}")
    else:
        print(table())


if __name__ == "__main__":
    main()
