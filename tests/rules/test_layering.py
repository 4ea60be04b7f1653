"""rules/ stands on its own: it imports only itself, durable_rules and the standard library."""

import ast
import sys
from pathlib import Path

import pytest

RULES = Path(__file__).resolve().parent.parent.parent / "rules"


@pytest.mark.parametrize("module", sorted(RULES.glob("*.py")), ids=lambda p: p.name)
def test_a_rules_module_imports_nothing_of_the_engine(module: Path) -> None:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    imported = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    imported += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    for name in imported:
        top = name.split(".")[0]
        assert name.startswith("gapcheck.rules") or top == "durable" or top in sys.stdlib_module_names, name
