"""The registry is the truth: main's exports, the README table and the signers all follow it."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import types
from pathlib import Path

import pytest

import main
from functions import PROVIDERS
from scripts import reference_lists
from scripts.provider_table import (
    COVERAGE_END,
    COVERAGE_START,
    CURL_END,
    CURL_START,
    DOCS,
    END,
    INDEX_END,
    INDEX_START,
    README,
    START,
    coverage,
    curl_block,
    index,
    table,
)
from tests.signers import SAMPLES

ROOT = Path(__file__).resolve().parent.parent


def test_main_exports_exactly_the_registry() -> None:
    assert set(dir(main)) == {*PROVIDERS, "webhooks", "consume"}
    assert isinstance(main.consume, types.FunctionType) and main.consume.__name__ == "consume"
    for provider in PROVIDERS:
        assert isinstance(getattr(main, provider), types.FunctionType)
        assert getattr(main, provider).__name__ == provider
    assert not hasattr(main, "nobody")


def test_a_provider_function_imports_only_its_own_module() -> None:
    code = "import sys, main; main.github; print(sorted(m for m in sys.modules if m.startswith('functions.')))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['functions.github']"


def test_declarations_and_the_deploy_plan_import_only_the_standard_library() -> None:
    """Planning a deploy loads every declaration with a bare python3: SDKs are imported where used."""
    code = (
        "import sys; started = set(sys.modules);"  # what site's .pth files bring, before our code
        "import functions, scripts.deploy_plan; functions.PROVIDERS;"
        "print(sorted({m.split('.')[0] for m in set(sys.modules) - started} - set(sys.stdlib_module_names)))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['functions', 'scripts', 'shared']"


def _block(text: str, start: str, end: str) -> str:
    return text.split(start, 1)[1].split(end, 1)[0].strip()


def test_provider_docs_are_generated_from_the_registry() -> None:
    docs = DOCS.read_text()
    assert _block(docs, START, END) == table().strip()
    assert _block(docs, CURL_START, CURL_END) == curl_block().strip()
    assert _block(docs, COVERAGE_START, COVERAGE_END) == coverage().strip()
    assert _block(README.read_text(), INDEX_START, INDEX_END) == index().strip()


def tables(markdown: str) -> list[list[str]]:
    """Each Markdown table's body rows (header and separator left out)."""
    found: list[list[str]] = []
    block: list[str] = []
    for line in [*markdown.splitlines(), ""]:
        if line.startswith("|"):
            block.append(line)
        elif block:
            found.append(block[2:])
            block = []
    return found


@pytest.mark.parametrize("page", ["README.md", *(str(p.relative_to(ROOT)) for p in sorted(ROOT.glob("docs/*.md")))])
def test_no_table_has_two_rows_for_one_key(page: str) -> None:
    """A row's first cell names what it describes (an attribute, a variable, a provider): once per table."""
    markdown = (ROOT / page).read_text()
    assert len(tables(markdown)) >= (5 if page == "README.md" else 1)
    for rows in tables(markdown):
        keys = [row.split("|")[1].strip() for row in rows]
        assert [k for k in keys if keys.count(k) > 1] == [], rows[0]


def test_every_name_on_ngroks_and_hookdecks_lists_is_served_or_left_out_with_a_reason() -> None:
    names = {reference_lists.key(n) for n in (*reference_lists.NGROK, *reference_lists.HOOKDECK)}
    assert len(reference_lists.NGROK) == 69
    assert len(reference_lists.HOOKDECK) == 116 + 19
    assert set(reference_lists.SERVED_AS.values()) <= set(PROVIDERS)
    assert not set(reference_lists.LEFT_OUT) & set(PROVIDERS), "served and left out at once"
    assert not set(reference_lists.LEFT_OUT) & set(reference_lists.SERVED_AS)
    assert set(reference_lists.LEFT_OUT) <= names
    unaccounted = sorted(
        n for n in names if n not in reference_lists.LEFT_OUT and not reference_lists.served_by(n, tuple(PROVIDERS))
    )
    assert not unaccounted, f"neither served nor left out: {unaccounted}"


def test_every_provider_has_test_samples() -> None:
    assert set(SAMPLES) == set(PROVIDERS)


def test_ids_are_lowercase_identifiers() -> None:
    for provider_id, provider in PROVIDERS.items():
        assert provider_id == provider.id and provider_id.isidentifier() and provider_id.islower()


def _sources() -> list[Path]:
    return sorted([*ROOT.glob("shared/**/*.py"), *ROOT.glob("functions/*.py")])


# Words that mark a name as holding a secret, a signature, a token, a digest or a MAC
# (`expected`, `claimed`: the two sides of a signature check). `key` is left out: it names
# dictionary keys and public keys far more often than secrets.
SENSITIVE = frozenset(
    {
        "secret", "secrets", "signature", "signatures", "sig", "sigs", "token", "tokens", "digest", "digests",
        "mac", "macs", "hmac", "password", "passwords", "credential", "credentials", "expected", "claimed",
    }
)  # fmt: skip
CONTENT_COMPARISONS = (ast.Eq, ast.NotEq, ast.In, ast.NotIn)
ALLOWED_COMPARE_DIGEST = "shared/crypto.py"


# Calls that turn a secret into a number about its shape (`len(signature)`, `token.count(".")`):
# comparing those tells nothing of the bytes.
SHAPE = {"len", "count"}


def _words(node: ast.AST) -> set[str]:
    """The words of every name and attribute in an expression (`expected_sig` -> expected, sig)."""
    if isinstance(node, ast.Call):
        called = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        if called in SHAPE:
            return set()
    found: set[str] = set()
    if isinstance(node, ast.Name | ast.Attribute):
        name = node.id if isinstance(node, ast.Name) else node.attr
        found |= {word.lower() for word in re.findall(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])", name)}
    for child in ast.iter_child_nodes(node):
        found |= _words(child)
    return found


def bypasses(source: str, path: str) -> list[str]:
    """Comparisons of secrets or signatures that do not go through shared.crypto.equal."""
    offenders = []
    for node in ast.walk(ast.parse(source)):
        named = isinstance(node, ast.Name) and node.id == "compare_digest"
        named |= isinstance(node, ast.Attribute) and node.attr == "compare_digest"
        named |= isinstance(node, ast.ImportFrom) and any(a.name == "compare_digest" for a in node.names)
        if named and path != ALLOWED_COMPARE_DIGEST:
            offenders.append(f"{path}:{node.lineno} compare_digest outside shared.crypto.equal")
        if isinstance(node, ast.Compare) and any(isinstance(op, CONTENT_COMPARISONS) for op in node.ops):
            operands = [node.left, *node.comparators]
            if any(_words(operand) & SENSITIVE for operand in operands):
                offenders.append(f"{path}:{node.lineno} {ast.unparse(node)}")
    return offenders


def test_no_comparison_bypasses_equal() -> None:
    """compare_digest only in crypto.py; no ==, !=, in, not in on anything named like a secret."""
    sources = _sources()
    assert len(sources) > 80
    offenders = [o for path in sources for o in bypasses(path.read_text(), str(path.relative_to(ROOT)))]
    assert offenders == []


BAD = [
    "if request_signature == expected: pass",
    "ok = computed != claimed",
    "ok = header in secrets",
    "ok = value not in self.tokens",
    "ok = hmac.new(k, m, 'sha256').hexdigest() == sent",
    "ok = mac == other",
    "ok = expectedSig == got",
    "ok = creds.password == password_given",
    "import hmac\nok = hmac.compare_digest(a, b)",
    "import secrets\nok = secrets.compare_digest(a, b)",
    "from hmac import compare_digest\nok = compare_digest(a, b)",
    "from hmac import compare_digest as same",
    "ok = a == b == signature",
    "ok = len(a) == len(b) and signature == expected",
    "ok = secret[:8] == given[:8]",
]
GOOD = [
    "from shared.crypto import equal\nok = equal(signature, expected)",
    "ok = any(equal(mac(s, message), claim) for s in secrets for claim in claims)",
    "ok = event_type == 'ping'",
    "ok = key not in result",
    "ok = signature is None",
    "ok = content_type.split(';')[0] == 'application/json'",
    "ok = 'token' in fields",  # a literal is not a name
    "ok = len(signature) != 64",
    "ok = token.count('.') != 2",
]


@pytest.mark.parametrize("source", BAD)
def test_the_scanner_catches_a_bypass(source: str) -> None:
    assert bypasses(source, "functions/planted.py") != []


@pytest.mark.parametrize("source", GOOD)
def test_the_scanner_lets_equal_and_plain_comparisons_through(source: str) -> None:
    assert bypasses(source, "functions/planted.py") == []


def test_compare_digest_is_allowed_only_in_the_helper() -> None:
    source = (ROOT / ALLOWED_COMPARE_DIGEST).read_text()
    assert "compare_digest" in source
    assert bypasses(source, ALLOWED_COMPARE_DIGEST) == []
    assert bypasses(source, "shared/schemes/mac.py") != []
