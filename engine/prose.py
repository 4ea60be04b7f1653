"""Sentences from messages: the rules hand out a message id and its arguments, this module words them.

A message is `{"msg": id, **args}` (gapcheck.rules.tree.say). Its template is
in gapcheck.catalogue, where every placeholder names how its argument is
written: `{provision:cite}` is cited as a lawyer cites it ("article 86 of the
Law on the Protection of the Rights and Interests of Children (2007)"),
`{conducts:conduct.or}` is a list of conducts in words joined by "or",
`{measure:measure.a}` takes its indefinite article ("an ISP blocking power").
Identifiers and vocabulary keys never reach the text.
"""

import functools
import re
import string
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gapcheck.catalogue import LABELS, MESSAGES, NO_ARTICLE
from gapcheck.rules.terms import months

if TYPE_CHECKING:
    from gapcheck.load import Corpus

Message = Mapping[str, Any]
Fact = Mapping[str, Any]


def join(items: Sequence[str], conjunction: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = list(dict.fromkeys(items))
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


_MONTHS = "January February March April May June July August September October November December".split()
MODIFIERS = {"a", "or", "semi", "comma", "space"}
_PLURAL = {"is": "are", "does": "do", "has": "have"}


def agree(verb: str, plural: bool) -> str:
    """A verb in the third person singular, or plural: 'sets' -> 'set', 'carries' -> 'carry'."""
    if not plural:
        return verb
    if verb in _PLURAL:
        return _PLURAL[verb]
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if verb.endswith(("shes", "ches", "sses", "xes")):
        return verb[:-2]
    return verb[:-1]


# Letters whose name starts with a vowel sound, for acronyms: "an ISP", "a CSAM".
_VOWEL_LETTERS = set("AEFHILMNORSX")


def indefinite(phrase: str) -> str:
    """The phrase with 'a' or 'an' as it is spoken: 'an ISP blocking power', 'a union', 'an explicit ban'."""
    word = phrase.split(" ", 1)[0]
    if word.isupper() and len(word) > 1:
        an = word[0] in _VOWEL_LETTERS
    else:
        lower = word.lower()
        an = lower[:1] in "aeiou" and not lower.startswith(("uni", "use", "usu", "one", "eu"))
    return ("an " if an else "a ") + phrase


def label(kind: str, key: str) -> str:
    """A vocabulary term in words: its label, else the key with spaces."""
    return LABELS.get(kind, {}).get(key, key.replace("_", " "))


def band(lo: int, hi: int | None) -> str:
    """A victim age band as a reader says it: 'aged 12 to 17', 'aged 16 and over'."""
    return f"aged {lo} and over" if hi is None else f"aged {lo} to {hi - 1}"


def article_words(article: str) -> str:
    """A provision number as lawyers write it in prose: '86' -> 'article 86', 's. 375(g), s. 376' -> 'sections ...'."""
    if re.match(r"\d", article):
        return f"article {article}"
    single = re.fullmatch(r"(ss?)\. (\S+)", article)
    if single:
        return ("sections " if single[1] == "ss" else "section ") + single[2]
    parts = article.split(", ")
    if len(parts) > 1 and all(re.fullmatch(r"s\. \S+", p) for p in parts):
        return "sections " + join([p[3:] for p in parts])
    return article


_HYPHENATED = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")


def name_requirements(text: str, titles: Mapping[str, str]) -> str:
    """A source with the requirement ids it cites as its pinpoint (a reference law's) named by their titles."""
    return _HYPHENATED.sub(lambda m: f"\u201c{titles[m[0]]}\u201d" if m[0] in titles else m[0], text)


@dataclass(frozen=True)
class Law:
    """An instrument as a reader names it."""

    title: str
    year: str | None

    @functools.cached_property
    def name(self) -> str:
        """'the Law on ... (2007)'; the year is left out where the title has it or ends with its number (worded once:
        every citation of one of its provisions names it)."""
        plain = self.title if not self.year or re.search(r"\d{4}|\)$", self.title) else f"{self.title} ({self.year})"
        return plain if plain.lower().startswith("the ") else f"the {plain}"


@dataclass
class Wording:
    """What the messages need from the corpus and the standards to name things in words."""

    laws: dict[str, Law] = field(default_factory=dict)
    provisions: dict[str, tuple[str | None, str]] = field(default_factory=dict)  # id -> (article, heading)
    offences: dict[str, str] = field(default_factory=dict)  # offence name -> what tells it from its siblings
    populations: dict[str, str] = field(default_factory=dict)
    requirements: dict[str, str] = field(default_factory=dict)  # id -> title
    # what cite, offence and source have worded, one dict each: the fields above never change once made
    _cited: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)
    _offences: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)
    _sources: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)
    # what gapcheck.findings has built from these words (criteria), by its key: as long-lived as the wording
    built: dict[Any, Any] = field(default_factory=dict, init=False, repr=False, compare=False)
    # and what it has built from a rule's criterion, by the criterion's id, kept with the criterion
    same: dict[int, tuple[Any, Any]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def cite(self, pid: str) -> str:
        """A provision as a lawyer cites it in a sentence."""
        said = self._cited.get(pid)
        if said is None:
            said = self._cited[pid] = self._cite(pid)
        return said

    def _cite(self, pid: str) -> str:
        article, heading = self.provisions.get(pid, (None, ""))
        inst, _, local = pid.rpartition("/")
        if local == "_jurisdiction":
            return "the jurisdiction's own record"
        law = self.laws.get(inst)
        if law is None:  # a provision outside any loaded instrument: named by its id rather than lost
            return pid
        if article:
            return f"{article_words(article)} of {law.name}"
        return f"the provision of {law.name} on {heading[:1].lower() + heading[1:]}" if heading else law.name

    def offence(self, name: str) -> str:
        """An offence: its provision cited, told apart from the other offences of the same provision."""
        said = self._offences.get(name)
        if said is None:
            extra = self.offences.get(name)
            said = self._offences[name] = self.cite(name.split(" [", 1)[0]) + (f" ({extra})" if extra else "")
        return said

    def source(self, label: str) -> str:
        """A source's label with the requirement ids it cites named (`name_requirements`)."""
        said = self._sources.get(label)
        if said is None:
            said = self._sources[label] = name_requirements(label, self.requirements)
        return said

    def say(self, message: Message) -> str:
        """The message worded as a sentence, starting with a capital."""
        text = self.fragment(message).strip()
        space = text.find(" ")
        if "/" in (text if space < 0 else text[:space]):
            return text  # an id keeps its case
        return text[:1].upper() + text[1:]

    def fragment(self, message: Message) -> str:
        """The message worded as part of a sentence (what is tested, what is missing).

        Worded each time it is asked for, not remembered: most messages of an evaluation are worded
        once (an offence's description under one requirement), and keying a memo by a message's
        content (its repr) cost more than wording them all again. What is costly to word once per
        name (a citation, an offence, a source) is remembered by its name (`cite`, `offence`, `source`).
        """
        msg = message["msg"]
        text = (_TEMPLATES.get(msg) or _template(msg))(self, message)
        return _SPACES.sub(" ", text) if "  " in text else text

    def _one(self, kind: str, value: Any, article: bool) -> str:
        """One value of a kind in words, with its indefinite article if asked (and the kind takes one)."""
        how = _KINDS.get(kind)
        out = how(self, value) if how is not None else label(kind, str(value))
        if article and not (kind in NO_ARTICLE and str(value) in NO_ARTICLE[kind]):
            out = indefinite(out)
        return out


def _date(value: Any) -> str:
    parts = str(value).split("-")
    return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}" if len(parts) == 3 else str(value)


def _law(w: Wording, value: Any) -> str:
    law = w.laws.get(str(value))
    return law.name if law else str(value)


def _req(w: Wording, value: Any) -> str:
    title = w.requirements.get(str(value), str(value))
    return title[:1].lower() + title[1:]


# How each kind of value is worded (any other kind is a vocabulary term: `label`).
_KINDS: dict[str, Callable[[Wording, Any], str]] = {
    "text": lambda w, v: str(v),
    "source": lambda w, v: w.source(str(v)),
    "cite": lambda w, v: w.cite(str(v)),
    "date": lambda w, v: _date(v),
    "law": _law,
    "offence": lambda w, v: w.offence(str(v)),
    "months": lambda w, v: months(int(v)),
    "band": lambda w, v: band(v[0], v[1]),
    "population": lambda w, v: w.populations.get(str(v), str(v).replace("-", " ")),
    "req": _req,
    "sentence": lambda w, v: w.say(v),
    "said": lambda w, v: w.fragment(v),
}


_SPACES = re.compile(r"  +")
_SEPARATORS = (("semi", "; "), ("comma", ", "), ("space", " "))

# A placeholder, parsed: (kind, verb a citation agrees with, indefinite article?, separator, conjunction).
_Field = tuple[str, str | None, bool, str | None, str]
# A placeholder, compiled: its value (None for an optional part left out) in words.
_Worder = Callable[[Wording, Any], str]


def parse_field(spec: str) -> _Field:
    """`kind[.a][.or|.semi|.comma|.space]` or `cite.<verb>`: what `Wording` does with a placeholder's value."""
    kind, *mods = spec.split(".") if spec else ("text",)
    if kind in ("cite", "offence") and mods and mods[0] not in MODIFIERS:
        return kind, mods[0], False, None, "and"
    separator = next((sep for mod, sep in _SEPARATORS if mod in mods), None)
    return kind, None, "a" in mods, separator, "or" if "or" in mods else "and"


def compile_field(field: _Field) -> _Worder:
    """A placeholder as one function of the wording and its value: what `Wording._one` does for each of its
    values, then the verb, the separator or the conjunction; each kind's wording looked up once, here.

    A single string value of a vocabulary term, or of a kind worded by name (`_NAMED`), is worded with
    no call between: most placeholders of an evaluation are these (tests/test_prose.py checks every
    field against string.Formatter's wording of the catalogue). A list of vocabulary terms is worded once
    per placeholder and list (a near miss names the conducts its requirement wanted, once per offence).
    """
    kind, verb, article, separator, conjunction = field
    how = _KINDS.get(kind)
    labels = LABELS.get(kind, {})
    bare = NO_ARTICLE.get(kind, set())
    named_by = _NAMED.get(kind)

    def term(w: Wording, value: Any) -> str:
        key = str(value)
        return labels.get(key) or label(kind, key)

    plain: _Worder = how if how is not None else term  # one value, without an article: most placeholders

    def with_article(w: Wording, value: Any) -> str:
        out = plain(w, value)
        return indefinite(out) if str(value) not in bare else out

    one = with_article if article else plain

    if verb is not None:  # the verb a citation is the subject of
        singular, plural = verb, agree(verb, plural=True)

        def cited(w: Wording, value: Any) -> str:
            if value is None:
                return ""  # an optional part of a sentence, left out
            named = named_by(w, value) if named_by is not None and type(value) is str else one(w, value)
            return named + " " + (plural if named.startswith("sections ") else singular)

        return cited

    def worded(w: Wording, value: Any) -> str:
        if type(value) is str and not article:
            if how is None:
                return labels.get(value) or label(kind, value)
            if named_by is not None:
                return named_by(w, value)
        if value is None:
            return ""
        if not isinstance(value, list) or (kind == "band" and not isinstance(value[0], list)):
            return one(w, value)  # one value: what `join` gives a list of one
        if how is None:  # vocabulary terms: their words are a function of the terms' text alone
            terms = tuple(map(str, value))
            said = lists.get(terms)
            if said is None:
                if len(lists) >= _LISTS_KEPT:
                    lists.clear()
                said = lists[terms] = _listed([one(w, v) for v in value], separator, conjunction)
            return said
        return _listed([one(w, v) for v in value], separator, conjunction)

    lists: dict[tuple[str, ...], str] = {}  # a list of terms in words, by its terms' text: a rule hands one list often
    return worded


_LISTS_KEPT = 4096  # lists of terms remembered per placeholder: the vocabulary is small, the lists few


def _listed(words: list[str], separator: str | None, conjunction: str) -> str:
    return separator.join(words) if separator is not None else join(words, conjunction)


# The kinds whose string value is worded by a method of the wording (which remembers what it worded), or is the text.
_NAMED: dict[str, Callable[[Wording, str], str]] = {
    "source": Wording.source,
    "cite": Wording.cite,
    "offence": Wording.offence,
    "text": lambda w, v: v,
}


_Template = Callable[[Wording, Message], str]  # a message in words, before its spaces are tidied
_TEMPLATES: dict[str, _Template] = {}  # by message id: a dict's lookup, cheaper than a cached function's call


def _template(msg: str) -> _Template:
    """A message's template compiled once, into one function of the wording and the message (`_joined`)."""
    fields, text = [], ""
    for literal, name, spec, _ in string.Formatter().parse(MESSAGES[msg]):
        text += literal  # a literal is cut where a brace is escaped ("{{"): its parts are joined again
        if name is not None:
            fields.append((text, name, compile_field(parse_field(spec or ""))))
            text = ""
    compiled = _TEMPLATES[msg] = _joined(fields, text)
    return compiled


def _joined(fields: list[tuple[str, str, _Worder]], tail: str) -> _Template:
    """The text before each placeholder, the placeholder in words, and the text after the last, concatenated.

    A template of up to four placeholders (nearly every one) is one expression, with no loop or list between:
    wording is most of what collecting the findings costs.
    """
    if not fields:
        return lambda w, m: tail
    if len(fields) == 1:
        ((l0, n0, w0),) = fields
        return lambda w, m: l0 + w0(w, m[n0]) + tail
    if len(fields) == 2:
        (l0, n0, w0), (l1, n1, w1) = fields
        return lambda w, m: l0 + w0(w, m[n0]) + l1 + w1(w, m[n1]) + tail
    if len(fields) == 3:
        (l0, n0, w0), (l1, n1, w1), (l2, n2, w2) = fields
        return lambda w, m: l0 + w0(w, m[n0]) + l1 + w1(w, m[n1]) + l2 + w2(w, m[n2]) + tail
    if len(fields) == 4:
        (l0, n0, w0), (l1, n1, w1), (l2, n2, w2), (l3, n3, w3) = fields
        return lambda w, m: l0 + w0(w, m[n0]) + l1 + w1(w, m[n1]) + l2 + w2(w, m[n2]) + l3 + w3(w, m[n3]) + tail
    return lambda w, m: "".join([literal + words(w, m[name]) for literal, name, words in fields]) + tail


def wording(
    titles: Mapping[str, tuple[str | None, str]],
    session: Sequence[Mapping[str, Any]],
    requirements: Mapping[str, str],
    corpus: "Corpus | None" = None,
) -> Wording:
    """What the messages of one evaluation need: the corpus's laws and populations, its offences, the titles.

    Offences of one provision are told apart by their victim ages where these
    differ; offences that differ only in their sources (two readings of one
    article) are told apart by the source each sentence cites.
    """
    laws, populations = {}, {}
    if corpus is not None:
        for inst in corpus.instruments:
            meta = inst.model.instrument
            laws[inst.id] = Law(meta.title, str(meta.adopted)[:4] if meta.adopted else None)
        populations = {p.id: p.name for p in corpus.index.jurisdiction.populations}
    siblings: dict[str, dict[str, Fact]] = {}  # provision -> offence -> its last fact (one per conduct)
    for f in session:
        if f.get("kind") == "offence" and f.get("age_stated"):
            siblings.setdefault(str(f["provision"]), {})[str(f["offence"])] = f
    offences = {}
    for found in siblings.values():
        if len(found) > 1:  # the ages worded only where a provision has several offences
            ages = {name: band(f["age_from"], f["age_below"]) for name, f in found.items()}
            if len(set(ages.values())) == len(ages):
                offences.update({name: f"victims {said}" for name, said in ages.items()})
    return Wording(laws, dict(titles), offences, populations, dict(requirements))
