"""The message catalogue: every sentence the rules hand out has a template, every template is used and well formed."""

import dataclasses
import datetime as dt
import re
import string
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks import synthetic
from gapcheck.catalogue import LABELS, MESSAGES, NO_ARTICLE
from gapcheck.evaluate import evaluate, provision_titles
from gapcheck.glossary import REPORT_LABELS, report_label
from gapcheck.prose import MODIFIERS, Law, Wording, agree, article_words, indefinite, join, wording
from gapcheck.rules.coverage import NARROWING
from gapcheck.rules.terms import Quality
from gapcheck.vocab import Conduct, Element, MeasureKind, Purpose
from gapcheck.workspace import Workspace

RULES = Path(__file__).parent.parent / "rules"
ENGINE = Path(__file__).parent.parent / "engine"  # readings and merge word contested facts, suggest its steps
SPECIAL = {"text", "source", "law", "date", "cite", "offence", "months", "band", "population", "req", "said"}
ASPECTS = re.compile(r"cov\.[a-z-]+\.(yes|no)|cov\.describe\.(" + "|".join(q.value for q in Quality) + ")")


def said_in_rules() -> set[str]:
    """Every message id the rules (and the engine's readings, suggest's steps) name: a quoted `module.what` the
    catalogue knows."""
    modules = {m.split(".", 1)[0] for m in MESSAGES}
    files = [*RULES.glob("*.py"), *ENGINE.glob("*.py"), *(ENGINE / "suggest").glob("*.py")]
    quoted = {m for p in files for m in re.findall(r'"([a-z]+\.[a-z.-]+)"', p.read_text(encoding="utf-8"))}
    return {m for m in quoted if m.split(".", 1)[0] in modules}


def test_every_message_said_has_a_template_and_every_template_is_said() -> None:
    said = said_in_rules()
    assert said - MESSAGES.keys() == set()
    unused = {m for m in MESSAGES.keys() - said if not ASPECTS.fullmatch(m)}
    assert unused == set()


@pytest.mark.parametrize("msg", sorted(MESSAGES))
def test_every_placeholder_names_a_known_kind(msg: str) -> None:
    for _, field, spec, _ in string.Formatter().parse(MESSAGES[msg]):
        if field is None:
            continue
        kind, *mods = (spec or "text").split(".")
        assert kind in SPECIAL or kind in LABELS, f"{msg}: unknown kind {kind!r}"
        if kind in ("cite", "offence") and mods and mods[0] not in MODIFIERS:
            assert len(mods) == 1 and agree(mods[0], plural=True) != mods[0], f"{msg}: {mods[0]!r} is not a verb"
        else:
            assert set(mods) <= MODIFIERS, f"{msg}: unknown modifier in {spec!r}"


def test_the_terms_a_rule_may_name_read_as_words() -> None:
    """Every conduct, purpose, element and measure has a label without underscores (or is a plain word)."""
    for kind, enum in (("conduct", Conduct), ("purpose", Purpose), ("element", Element), ("measure", MeasureKind)):
        for term in enum:
            label = LABELS[kind].get(term.value, term.value)
            assert "_" not in label, (kind, term.value)
    assert NARROWING <= LABELS["narrowing"].keys()
    assert NO_ARTICLE["measure"] <= {m.value for m in MeasureKind}


def test_articles_lists_and_provision_numbers() -> None:
    assert indefinite("ISP blocking power") == "an ISP blocking power"
    assert indefinite("explicit ban") == "an explicit ban" and indefinite("union") == "a union"
    assert indefinite("prohibition of surrogacy") == "a prohibition of surrogacy"
    assert join(["a"]) == "a" and join(["a", "b"], "or") == "a or b" and join(["a", "b", "c"]) == "a, b and c"
    assert article_words("86") == "article 86" and article_words("s. 375(g)") == "section 375(g)"
    assert article_words("s. 375(g), s. 376") == "sections 375(g) and 376"
    assert article_words("ss. 17-18") == "sections 17-18"
    assert [agree(v, plural=True) for v in ("sets", "carries", "punishes", "is", "does")] == [
        "set",
        "carry",
        "punish",
        "are",
        "do",
    ]
    assert article_words("s. 2(1), s. 2(6); s. 2(1a)-(1b)") == "s. 2(1), s. 2(6); s. 2(1a)-(1b)"  # kept as given


def test_a_provision_is_cited_as_a_lawyer_cites_it() -> None:
    words = Wording(
        laws={
            "la/lpric": Law("Law on the Protection of Children", "2007"),
            "my/pc": Law("Penal Code (Act 574)", "1997"),
        },
        provisions={"la/lpric/art-86": ("86", "Child pornography"), "my/pc/s375": ("s. 375(g), s. 376", "Rape")},
    )
    assert words.cite("la/lpric/art-86") == "article 86 of the Law on the Protection of Children (2007)"
    assert words.cite("my/pc/s375") == "sections 375(g) and 376 of the Penal Code (Act 574)"
    shown = {"msg": "age.sets", "age": {"msg": "age.one", "age": 16}, "subject": "marriage", "who": None, "source": "s"}
    assert words.fragment({**shown, "provision": "my/pc/s375"}).startswith(
        "sections 375(g) and 376 of the Penal Code (Act 574) set 16 "
    )
    said = {"msg": "measure.weaker", "provision": "la/lpric/art-86", "weaker": "isp_blocking_power"}
    text = words.say({**said, "measure": "isp_reporting_duty", "source": "A/HRC/40/51/Add.1 ¶29"})
    assert text == (
        "Article 86 of the Law on the Protection of Children (2007) provides only for an ISP blocking power "
        "[A/HRC/40/51/Add.1 ¶29], not for an ISP reporting duty."
    )


def test_every_label_is_in_the_vocabulary_reference() -> None:
    """docs/vocabulary.md shows the catalogue's labels: each kind words one vocabulary, each label one of its terms."""
    kinds = {kind: enum for enum, said in REPORT_LABELS.items() for kind, _ in said}
    assert LABELS.keys() <= kinds.keys()
    for kind, labels in LABELS.items():
        assert labels.keys() <= {t.value for t in kinds[kind]}, kind
        for term, label in labels.items():
            assert label in report_label(kinds[kind], term)


class _Plain(Wording):
    """The plain definition of wording: string.Formatter's vformat over the template, field by field."""

    def say(self, message: Mapping[str, Any]) -> str:
        text = self.fragment(message).strip()
        return text if "/" in text.split(" ", 1)[0] else text[:1].upper() + text[1:]

    def fragment(self, message: Mapping[str, Any]) -> str:
        args = {k: v for k, v in message.items() if k != "msg"}
        return re.sub(r"  +", " ", _PlainFormatter(self).vformat(MESSAGES[message["msg"]], (), args))


class _PlainFormatter(string.Formatter):
    def __init__(self, words: Wording) -> None:
        self.words = words

    def format_field(self, value: Any, format_spec: str) -> str:
        if value is None:
            return ""
        kind, *mods = format_spec.split(".") if format_spec else ("text",)
        if kind in ("cite", "offence") and mods and mods[0] not in MODIFIERS:
            named = self.words._one(kind, value, False)
            return f"{named} {agree(mods[0], plural=named.startswith('sections '))}"
        single = not isinstance(value, list) or (kind == "band" and not isinstance(value[0], list))
        words = [self.words._one(kind, v, "a" in mods) for v in ([value] if single else value)]
        for mod, sep in (("semi", "; "), ("comma", ", "), ("space", " ")):
            if mod in mods:
                return sep.join(words)
        return join(words, "or" if "or" in mods else "and")


def test_templates_parsed_once_word_every_message_as_string_formatter_does(workspace: Workspace) -> None:
    """Every message the rules hand out for real corpora (and every one nested in them) is worded as the plain
    definition, string.Formatter's vformat field by field, words it."""
    lao, _ = workspace.corpus("la")
    cases = [(lao, dt.date(2017, 11, 16)), (synthetic.jurisdiction("pw", 80, seed=5), dt.date(2020, 1, 1))]
    requirements = {rid: r.title for rid, r in workspace.standards.requirements.items()}
    seen = 0
    for corpus, as_of in cases:
        made = wording(provision_titles(corpus, as_of), [], requirements, corpus)
        fields = {f.name: getattr(made, f.name) for f in dataclasses.fields(made) if f.init}
        fast, plain = Wording(**fields), _Plain(**fields)
        for finding in evaluate(corpus, workspace.standards, as_of).findings:
            for c in finding.criteria.walk():
                assert c.said is not None
                for message in [c.said.test, *c.said.because, *([c.said.missing] if c.said.missing else [])]:
                    assert fast.say(message) == plain.say(message)
                    assert fast.fragment(message) == plain.fragment(message)
                    seen += 1
    assert seen > 100


# Values a placeholder may be handed, by kind: plain strings and StrEnum members (a str subclass: `type(v) is str`
# is False for them), None (an optional part left out), empty and spaced strings, ids that are not known, lists.
_ENUMS = {kind: enum for enum, said in REPORT_LABELS.items() for kind, _ in said}
_IDS = [
    "la/lpric/art-86",
    "my/pc/s375",
    "my/pc/s377",
    "my/pc/s1",
    "la/lpric/_jurisdiction",
    "xx/none/p-1",
    "la/lpric",
    "",
    " a/b ",
]
_TEXT = st.text(st.sampled_from("ab _/-.[] \u201c"), max_size=8)


def _term(kind: str) -> st.SearchStrategy[Any]:
    keys = sorted(LABELS.get(kind, {}))
    enum = _ENUMS.get(kind)
    members = st.sampled_from(list(enum)) if enum is not None else st.nothing()
    return (st.sampled_from(keys) if keys else st.nothing()) | members | _TEXT


def _value(kind: str, depth: int) -> st.SearchStrategy[Any]:
    one: st.SearchStrategy[Any]
    if kind in ("cite", "offence", "law", "population", "req"):
        one = st.sampled_from(_IDS + ["la/lpric/art-86 [b]", "minors", "csam-offence"]) | _TEXT
    elif kind in ("text", "source"):
        one = _TEXT | st.sampled_from(["csam-offence sets it", "CRC/C/156 ¶ 3 csam-offence", "s. 1"])
        one |= st.sampled_from(list(Conduct)) | st.integers(0, 99)
    elif kind == "date":
        one = st.sampled_from(["2017-11-16", "2017", "2018-02"])
    elif kind == "months":
        one = st.integers(0, 400)
    elif kind == "band":
        return st.tuples(st.integers(0, 17), st.none() | st.integers(1, 18)).map(list) | st.lists(
            st.tuples(st.integers(0, 17), st.none() | st.integers(1, 18)).map(list), min_size=1, max_size=3
        )
    elif kind in ("said", "sentence"):
        one = _message(depth - 1) if depth > 0 else st.just({"msg": "cov.victim-sex"})
    else:
        one = _term(kind)
    return st.none() | one | st.lists(one, min_size=1, max_size=3)


def _message(depth: int = 1) -> st.SearchStrategy[dict[str, Any]]:
    def args(msg: str) -> st.SearchStrategy[dict[str, Any]]:
        fields: dict[str, st.SearchStrategy[Any]] = {}
        for _, name, spec, _ in string.Formatter().parse(MESSAGES[msg]):
            if name is not None and name not in fields:
                fields[name] = _value((spec or "text").split(".")[0], depth)
        return st.fixed_dictionaries({"msg": st.just(msg), **fields})

    return st.sampled_from(sorted(MESSAGES)).flatmap(args)


_WORDS: dict[str, Any] = {
    "laws": {"la/lpric": Law("Law on the Protection of Children", "2007"), "my/pc": Law("Penal Code", "1997")},
    "provisions": {
        "la/lpric/art-86": ("86", "Child pornography"),
        "my/pc/s375": ("s. 375(g), s. 376", "Rape"),  # cited as sections: a verb agrees in the plural
        "my/pc/s377": ("s. 377A", "Unnatural offences"),  # a section: in the singular
        "my/pc/s1": (None, "Short title"),
    },
    "offences": {"la/lpric/art-86 [b]": "victims aged 12 to 17"},
    "populations": {"minors": "Minors"},
    "requirements": {"csam-offence": "Offence of CSAM"},
}


@settings(max_examples=600, deadline=None)
@given(_message(depth=2))
def test_any_message_of_the_catalogue_is_worded_as_string_formatter_does(message: dict[str, Any]) -> None:
    """Every template with arguments of any shape a rule may hand (strings, StrEnum members, None, lists of one,
    unknown ids, empty or spaced text) is worded as the plain definition words it, fragment and sentence alike."""
    fast, plain = Wording(**_WORDS), _Plain(**_WORDS)
    assert fast.fragment(message) == plain.fragment(message)
    assert fast.say(message) == plain.say(message)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["", "a ", " b", "{{", "}}", "x{{y}}z ", "  "]), min_size=1, max_size=7),
    st.lists(st.sampled_from(["text", "cite", "offence.covers", "conduct.or", "band"]), max_size=6),
    st.data(),
)
def test_a_template_of_any_number_of_placeholders_and_escaped_braces_is_worded_as_string_formatter_does(
    literals: list[str], specs: list[str], data: st.DataObject
) -> None:
    """Templates are compiled into one expression for up to four placeholders and a loop beyond: literal text cut
    by escaped braces, before, between and after the placeholders, reads as string.Formatter reads it."""
    from gapcheck import prose

    fields = {f"p{n}": spec for n, spec in enumerate(specs)}
    template = literals[0] + "".join(
        f"{{{name}:{spec}}}" + literals[(n + 1) % len(literals)] for n, (name, spec) in enumerate(fields.items())
    )
    msg = "test.compiled"
    message = {"msg": msg, **{name: data.draw(_value(spec.split(".")[0], 0)) for name, spec in fields.items()}}
    MESSAGES[msg] = template
    try:
        fast, plain = Wording(**_WORDS), _Plain(**_WORDS)
        assert fast.fragment(message) == plain.fragment(message)
    finally:
        del MESSAGES[msg]
        prose._TEMPLATES.pop(msg, None)
