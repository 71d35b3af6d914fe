"""The registry is the truth: main's exports, the README table and the signers all follow it."""

from __future__ import annotations

import ast
import subprocess
import sys
import types
from pathlib import Path

import main
from functions import PROVIDERS
from scripts.provider_table import CURL_END, CURL_START, END, START, curl_block, table
from tests.signers import SAMPLES

ROOT = Path(__file__).resolve().parent.parent
SENSITIVE = ("secret", "signature", "token", "digest")


def test_main_exports_exactly_the_registry() -> None:
    assert set(dir(main)) == {*PROVIDERS, "webhooks"}
    for provider in PROVIDERS:
        assert isinstance(getattr(main, provider), types.FunctionType)
        assert getattr(main, provider).__name__ == provider
    assert not hasattr(main, "nobody")


def test_a_provider_function_imports_only_its_own_module() -> None:
    code = "import sys, main; main.github; print(sorted(m for m in sys.modules if m.startswith('functions.')))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['functions.github']"


def test_readme_table_is_generated_from_the_registry() -> None:
    readme = (ROOT / "README.md").read_text()
    assert readme.split(START, 1)[1].split(END, 1)[0].strip() == table().strip()
    assert readme.split(CURL_START, 1)[1].split(CURL_END, 1)[0].strip() == curl_block().strip()


def test_every_provider_has_test_samples() -> None:
    assert set(SAMPLES) == set(PROVIDERS)


def test_ids_are_lowercase_identifiers() -> None:
    for provider_id, provider in PROVIDERS.items():
        assert provider_id == provider.id and provider_id.isidentifier() and provider_id.islower()


def _sources() -> list[Path]:
    return sorted([*ROOT.glob("shared/*.py"), *ROOT.glob("functions/*.py")])


def _names(node: ast.AST) -> str:
    return " ".join(
        (n.id if isinstance(n, ast.Name) else n.attr if isinstance(n, ast.Attribute) else "") for n in ast.walk(node)
    ).lower()


def test_no_comparison_bypasses_equal() -> None:
    """compare_digest only in crypto.py; no ==/!= on anything named like a secret."""
    offenders = []
    for path in _sources():
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute | ast.Name) and "compare_digest" in ast.dump(node):
                if path.name != "crypto.py":
                    offenders.append(f"{path.name}:{node.lineno} compare_digest")
            if isinstance(node, ast.Compare) and any(isinstance(op, ast.Eq | ast.NotEq) for op in node.ops):
                operands = [node.left, *node.comparators]
                if any(word in _names(operand) for operand in operands for word in SENSITIVE):
                    offenders.append(f"{path.name}:{node.lineno} == on a secret")
    assert offenders == []


def test_the_ast_check_can_fail() -> None:
    tree = ast.parse("if request_signature == expected: pass")
    compare = next(n for n in ast.walk(tree) if isinstance(n, ast.Compare))
    assert any(word in _names(compare.left) for word in SENSITIVE)
