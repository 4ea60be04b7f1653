"""The direct build from parse events gives the data ruamel's loader gives, or leaves the file to it."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

from gapcheck import limits, yamlfast, yamllimits
from gapcheck.yamlsrc import _fast_loader
from tests.conftest import ROOT


def ruamel_load(text: str) -> object:
    return _fast_loader().load(text)


def agree(text: str) -> bool:
    """True when the builder built the data (equal to ruamel's, types included); False for a syntax error."""
    try:
        built = yamlfast.load(text)
    except yamlfast.Unsure:
        raise
    except Exception:  # a syntax error: ruamel's loader refuses the text too
        with pytest.raises(Exception):  # noqa: B017 - whichever error ruamel raises
            ruamel_load(text)
        return False
    expected = ruamel_load(text)
    assert built == expected and repr(built) == repr(expected), text
    assert is_plain(built), text  # gapcheck.yamlsrc.parse uses it as it is, without plain()'s copy
    return True


def is_plain(data: object) -> bool:
    """Only dicts keyed by text, lists, text, whole numbers, booleans and None, of exactly those types."""
    if type(data) is dict:
        return all(type(k) is str and is_plain(v) for k, v in data.items())
    if type(data) is list:
        return all(is_plain(v) for v in data)
    return data is None or type(data) in (str, int, bool)


SHIPPED = sorted(p for folder in ("statutes", "standards") for p in (ROOT / folder).rglob("*.yaml"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_shipped_file_is_built_as_ruamel_loads_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    try:
        assert agree(text)
    except yamlfast.Unsure:
        pass  # left to ruamel's loader


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nb: -0\nc: +7\nd: 0\n",
        "a: true\nb: False\nc: TRUE\nd: ~\ne:\nf: null\ng: Null\n",
        "a: 2017-01-01\nb: 2017-01-01T10:00:00Z\nc: '2017'\nd: 2017\n",
        'a: "x\\ty"\nb: |\n  one\n  two\nc: >\n  folded\n  text\n\n  para\nd: >-\n  x\n',
        "a: [1, two, {b: c}]\nb: {}\nc: []\n",
        "'quoted key': 1\n\"k2\": 2\n",
        "- a\n- - b\n  - c\n- d: e\n",
        "",
        "# only a comment\n",
        "a: !!str 12\n",
        "a: yes\nb: no\nc: on\n",
    ],
)
def test_built_values_are_ruamels(text: str) -> None:
    assert agree(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1.5\n",
        "a: 012\n",
        "a: 0x1F\n",
        "a: 1_000\n",
        "a: .inf\n",
        "a: &x 1\nb: *x\n",
        "a: !custom 1\n",
        "a: 1\na: 2\n",
        "%YAML 1.1\n---\na: yes\n",
        "---\na: 1\n---\nb: 2\n",
        "? [1, 2]\n: x\n",
    ],
)
def test_what_it_does_not_build_it_leaves_to_ruamel(text: str) -> None:
    with pytest.raises(yamlfast.Unsure):
        yamlfast.load(text)


scalars = st.one_of(
    st.text(max_size=12),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.booleans(),
    st.none(),
    st.dates().map(lambda d: d.isoformat()),
)
data = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(data, st.sampled_from([None, True]))
def test_any_dumped_data_is_built_as_ruamel_loads_it(value: object, flow: bool | None) -> None:
    import io

    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = flow
    out = io.StringIO()
    yaml.dump(value, out)
    try:
        agree(out.getvalue())
    except yamlfast.Unsure:
        pass  # left to ruamel's loader, and the limits to their full check


def full_check(text: str) -> bool:
    """True when yamllimits' full check, on every event, finds the text within the limits."""
    from ruamel.yaml.clib._ruamel_yaml import CParser

    from gapcheck.yamllimits import check_events

    parser = CParser(text)
    try:
        events = []
        while parser.check_event():
            events.append(parser.get_event())
    finally:
        parser.dispose()
    return check_events(events) is None


BREAKING = [
    "a:" + " [" * (limits.MAX_DEPTH + 1) + "]" * (limits.MAX_DEPTH + 1) + "\n",
    f"a: {'y' * (limits.MAX_STRING + 1)}\n",
    'a: "bell \\a here"\n',
    '"two\\nlines": 1\n',
    'k: "x\\u0000"\n',
    "l: [" + ", ".join(["v"] * (limits.MAX_NODES + 1)) + "]\n",
    "l:\n" + "".join(f"- {'z' * (limits.MAX_STRING - 1)}\n" for _ in range(limits.MAX_CHARS // limits.MAX_STRING + 2)),
]


@pytest.mark.parametrize("text", BREAKING, ids=range(len(BREAKING)))
def test_what_breaks_a_limit_is_never_built(text: str) -> None:
    """The builder checks the limits in the forms they take without aliases or tags, and leaves any file
    that may break one to the full check, which locates the problem."""
    assert not full_check(text)
    with pytest.raises(yamlfast.Unsure):
        yamlfast.load(text)


@settings(max_examples=200, deadline=None)
@given(data, st.sampled_from([None, True]))
def test_the_builder_never_builds_what_the_full_check_refuses(value: object, flow: bool | None) -> None:
    import io

    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = flow
    out = io.StringIO()
    yaml.dump(value, out)
    text = out.getvalue()
    try:
        yamlfast.load(text)
    except yamlfast.Unsure:
        return
    except Exception:  # a syntax error: ruamel's loader refuses it too (test above)
        return
    assert full_check(text), text


PLAIN_SCALARS = ["", "true", "False", "NULL", "~", "null", "12", "-0", "+7", "0o17", "0x1F", "1.5", ".inf", "-.NaN"]
PLAIN_SCALARS += ["1e3", "2017-01-01", "2017-1-1 10:00:00", "<<", "=", "!x", "&a", "*a", "yes", "No", "9 months"]


@settings(max_examples=300)
@given(st.one_of(st.sampled_from(PLAIN_SCALARS), st.text(max_size=12), st.from_regex(r"[-+.0-9eE:TtFfNn~]{0,10}")))
def test_plain_tags_are_those_ruamels_resolver_gives(value: str) -> None:
    """The first-character table read once resolves a plain scalar as ruamel's resolver does on each call."""
    expected = VersionedResolver().resolve(ScalarNode, value, (True, False))
    assert yamllimits.plain_tag(value) == str(expected)
