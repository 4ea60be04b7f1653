"""Issue 12: arbitrary YAML, fed to every kind of file, is loaded (exit 0) or answered (exit 2), quickly.

The documents carry what broke the loader before: anchors and aliases
(defined or not, recursive), merge keys, deep nesting, tags, odd scalars
(escapes, surrogates, control characters, huge numbers, non-dates) and odd keys.
Each is written as a statute, a jurisdiction index, a standards file, a draft
and an expectation file, then loaded and, where it loads, evaluated. Anything
but success or InputError would reach the user as an internal error (exit 70).
"""

import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gapcheck import amendment, expect, validation
from gapcheck.cli import main
from gapcheck.errors import InputError
from gapcheck.load import load_standards
from gapcheck.workspace import Workspace
from tests.conftest import INDEX

CPU_SECONDS = 5
WORDS = [
    "instrument", "provisions", "id", "offences", "conduct", "title", "kind", "law", "source", "heading",
    "penalty", "max", "victim", "age_below", "amendment", "changes", "replace", "repeal", "add", "provision",
    "jurisdiction", "name", "as_of", "date", "expect", "requirements", "test", "theme", "sources",
    "la", "art-1", "art-89", "la/law-on-children-2007/art-89", "la/law-on-children-2007", "sell_child",
    "csam-possession", "met", "gap", "test ¶1", "5 years",
]  # fmt: skip
ODD = [
    "~", "null", "true", "no", "0x1f", "1e400", "-.inf", ".nan", "2017-02-30", "2017-W01-1", "20171116", "2017",
    "''", '""', "'quoted'", '"\\u0000"', '"\\uD800"', '"\\e[31m"', '"a\\x85b"', '"\\r\\n"', '"a\\u2028b"',
    "!!timestamp 2017-01-01", "!!int x", "!!float 1", "!custom z", "!!binary aGk=", "!!python/object:os.system x",
    "1" + "0" * 120, "'=1+2'", "@x", "café", "12:30:00", "0o17", "+1", "'" + "x" * 300 + "'", "|", ">-",
]  # fmt: skip
KEYS = st.sampled_from(WORDS + ["<<", "1", "true", "~", "'1'", "? [a]", '"k\\u0001"', "&k key", "*k"])
ANCHOR = st.integers(0, 3)


def _scalars() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(WORDS), st.sampled_from(ODD), st.integers(-(10**6), 10**6).map(str))


def _extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    pairs = st.lists(st.tuples(KEYS, inner), max_size=5)
    return st.one_of(
        st.lists(inner, max_size=5).map(lambda xs: "[" + ", ".join(xs) + "]"),
        pairs.map(lambda kv: "{" + ", ".join(f"{k}: {v}" for k, v in kv) + "}"),
        st.tuples(ANCHOR, inner).map(lambda a: f"&a{a[0]} {a[1]}"),
        ANCHOR.map(lambda n: f"*a{n}"),
        st.tuples(ANCHOR, pairs).map(lambda a: f"{{<<: *a{a[0]}, " + ", ".join(f"{k}: {v}" for k, v in a[1]) + "}"),
        st.integers(1, 60).map(lambda d: "[" * d + "x" + "]" * d),
    )


NODES = st.recursive(_scalars(), _extend, max_leaves=30)
TOP_KEYS = st.sampled_from(
    ["instrument", "provisions", "jurisdiction", "complete", "unknowns", "amendment", "changes", "articles"]
    + ["requirements", "name", "expect", "as_of", "<<", "1"]
)
DOCUMENTS = st.one_of(
    st.lists(st.tuples(TOP_KEYS, NODES), max_size=5).map(lambda kv: "".join(f"{k}: {v}\n" for k, v in kv)),
    NODES.map(lambda node: node + "\n"),
    st.text(max_size=60),
)
FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _answered(action: object) -> None:
    """Run the action within the CPU budget; InputError must locate every problem on one line."""
    start = time.process_time()
    try:
        action()  # type: ignore[operator]
    except InputError as err:
        assert err.problems
        for problem in err.problems:
            assert problem.line >= 1 and problem.column >= 1, problem
            assert "\n" not in problem.message and "Traceback" not in problem.message, problem
    assert time.process_time() - start < CPU_SECONDS


@FUZZ
@given(text=DOCUMENTS)
def test_any_yaml_in_any_kind_of_file_is_loaded_or_answered(workspace: Workspace, text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        statutes = root / "statutes" / "tl"
        statutes.mkdir(parents=True)
        (statutes / "_jurisdiction.yaml").write_text(INDEX, encoding="utf-8")
        (statutes / "act.yaml").write_text(text, encoding="utf-8")
        index_only = root / "statutes" / "ix"
        index_only.mkdir()
        (index_only / "_jurisdiction.yaml").write_text(text, encoding="utf-8")
        standards = root / "standards"
        standards.mkdir()
        (standards / "fuzz.yaml").write_text(text, encoding="utf-8")
        draft = root / "draft.yaml"
        draft.write_text(text, encoding="utf-8")
        spec = root / "fuzz.gapcheck.yaml"
        spec.write_text(text, encoding="utf-8")

        _answered(lambda: workspace.evaluate(str(statutes)))
        _answered(lambda: workspace.evaluate(str(index_only)))
        _answered(lambda: load_standards(standards))
        _answered(lambda: amendment.apply(workspace.corpus("la")[0], draft, set()))
        _answered(lambda: workspace.evaluate("la", None, (draft,)))
        _answered(lambda: expect.run(spec, workspace))
        _answered(lambda: validation._target(draft, workspace))


def test_the_command_line_maps_the_same_inputs_to_exit_2(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The CLI's own path, for one document of each hostile kind."""
    texts = [
        "a: &a [*a]\n",
        "instrument: {<<: *a0}\n",
        "[" * 70 + "]" * 70 + "\n",
        'instrument: {title: "\\uD800"}\n',
        "!!python/object:os.system x\n",
    ]
    for n, text in enumerate(texts):
        path = tmp_path / f"f{n}.yaml"
        path.write_text(text, encoding="utf-8")
    assert main(["validate", *(str(tmp_path / f"f{n}.yaml") for n in range(len(texts)))]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "internal error" not in err
    assert all(f"f{n}.yaml:" in err for n in range(len(texts)))
