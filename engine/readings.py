"""Contested facts kept as alternatives: the readings an evaluation explores.

Where sources disagree (an instrument's entry into force, an offence's penalty)
the corpus keeps every version with its source. The rules never see
alternatives: each reading resolves the corpus to one plain corpus, the rules
evaluate it, and `merge` joins the findings (see `gapcheck.merge`).

Bounded: a contest is explored only when its alternatives change the facts on
the analysis date, and at most MAX_READINGS combinations are evaluated; beyond
that the input is refused with the contests to pin (`--reading`).
"""

import datetime as dt
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from gapcheck import messages
from gapcheck.errors import InputError, Problem, display_path
from gapcheck.facts import flatten_law
from gapcheck.load import INDEX, Corpus, LoadedInstrument
from gapcheck.models import Offence, Version
from gapcheck.rules.terms import months as format_months

MAX_READINGS = 16  # 2^4: four two-way contests at once, each evaluation ~0.1 s


@dataclass(frozen=True)
class Choice:
    """One alternative of a contested fact: what it says and who says it.

    `said` is the same as a message (gapcheck.catalogue), which reports word
    without identifiers; `label` is the plain form, for messages about input.
    """

    contest: str
    reading: str
    says: str
    source: str
    said: tuple[tuple[str, Any], ...] = ()

    def label(self) -> str:
        return f"{self.contest}: {self.says} [{self.source}]"

    def message(self) -> dict[str, Any]:
        return dict(self.said)


@dataclass(frozen=True)
class Contest:
    """A fact the sources disagree on, with its alternatives in file order."""

    name: str
    choices: tuple[Choice, ...]
    said: tuple[tuple[str, Any], ...] = ()
    instrument: str = ""  # the id of the instrument it is a fact of

    def message(self) -> dict[str, Any]:
        return dict(self.said)


Reading = tuple[Choice, ...]


def contests(corpus: Corpus) -> list[Contest]:
    """Every contested fact of a corpus, in file order."""
    out = []
    for inst in corpus.instruments:
        meta = inst.model.instrument
        if meta.in_force_readings:
            name = f"entry into force of {inst.id}"
            said = (("msg", "reading.in-force"), ("instrument", inst.id))
            out.append(
                Contest(
                    name,
                    tuple(
                        Choice(
                            name,
                            r.reading,
                            f"in force from {r.date}",
                            r.source.label(),
                            (
                                ("msg", "reading.in-force-from"),
                                ("instrument", inst.id),
                                ("date", str(r.date)),
                                ("source", r.source.label()),
                            ),
                        )
                        for r in meta.in_force_readings
                    ),
                    said,
                    inst.id,
                )
            )
        groups: dict[str, list[Offence]] = {}
        where: dict[str, str] = {}
        for prov in inst.model.provisions:  # every offence of the law, each evaluation: fields read from
            for version in prov.__dict__["versions"]:  # `__dict__` (a model's attribute read is a hooked call)
                for off in version.__dict__["offences"]:
                    alternative = off.__dict__["alternative"]
                    if alternative is not None:
                        groups.setdefault(alternative.fact, []).append(off)
                        where.setdefault(alternative.fact, f"{inst.id}/{prov.id}")
        for fact, offences in groups.items():
            name = f"{inst.id} {fact}"
            said = (("msg", "reading.offence"), ("provision", where[fact]))
            choices = tuple(_choice(name, offences, r, where[fact]) for r in _names(offences))
            out.append(Contest(name, choices, said, inst.id))
    return out


def _names(offences: list[Offence]) -> list[str]:
    return list(dict.fromkeys(o.alternative.reading for o in offences if o.alternative is not None))


def _choice(contest: str, offences: list[Offence], reading: str, provision: str) -> Choice:
    """A reading of a contested offence: what tells it from the other alternatives, and its sources."""
    mine = _by_reading(offences, reading)
    says = "; ".join(dict.fromkeys(_offence_text(o) for o in mine))
    sources = "; ".join(dict.fromkeys(o.source.label() for o in mine))
    said = (
        ("msg", "reading.offence-as"),
        ("provision", provision),
        ("traits", _traits(mine, [_by_reading(offences, r) for r in _names(offences)])),
        ("source", sources),
    )
    return Choice(contest, reading, says, sources, said)


def _by_reading(offences: list[Offence], reading: str) -> list[Offence]:
    return [o for o in offences if o.alternative is not None and o.alternative.reading == reading]


def _traits(mine: list[Offence], readings: list[list[Offence]]) -> list[dict[str, Any]]:
    """What an alternative says where the alternatives of its fact differ; the penalty where nothing else does.

    Each trait is compared as a whole over a reading's offences (a reading may hold
    offences in several provisions); a trait every alternative shares is left out.
    """
    said = [trait(mine) for trait in _TRAITS if len({repr(trait(r)) for r in readings}) > 1]
    if said:
        return said
    full = len({repr(_penalty(r, full=True)) for r in readings}) > 1  # they differ in their fines only
    return [_penalty(mine, full)]


def _unique(items: list[Any]) -> list[Any]:
    """The items in order, each once (messages too: compared by content)."""
    return list({repr(item): item for item in items}.values())


def _conduct(offences: list[Offence]) -> dict[str, Any]:
    return {"msg": "reading.conduct", "conducts": _unique([str(c) for o in offences for c in o.conduct])}


def _victims(offences: list[Offence]) -> dict[str, Any]:
    return {"msg": "reading.victims", "victims": _unique([_victim(o) for o in offences])}


def _victim(off: Offence) -> dict[str, Any]:
    """Who an offence protects, as statutes say it: 'any child under the age of 18', 'a child aged 12 to 17'."""
    victim = off.victim
    if victim is None:  # a child-specific offence reads as protecting children (the rules: under 18)
        return (
            {"msg": "reading.victim-unstated"} if off.child_specific else {"msg": "reading.victim-any", "who": "person"}
        )
    sex = {"female": "female ", "male": "male "}.get(str(victim.sex), "")
    if victim.term is not None:
        return {"msg": "reading.victim-term", "sex": sex, "term": victim.term}
    below = victim.age_below
    who = sex + ("child" if below is not None and below <= 18 else "person")
    if below is None:
        if victim.age_from == 0:
            return {"msg": "reading.victim-any", "who": who}
        return {"msg": "reading.victim-from", "who": who, "from": victim.age_from}
    if victim.age_from == 0:
        return {"msg": "reading.victim-below", "who": who, "below": below}
    return {"msg": "reading.victim-band", "who": who, "from": victim.age_from, "last": below - 1}


def _elements(offences: list[Offence]) -> dict[str, Any]:
    elements = _unique([str(e) for o in offences for e in o.elements])
    return {"msg": "reading.elements", "elements": elements} if elements else {"msg": "reading.no-elements"}


def _purposes(offences: list[Offence]) -> dict[str, Any]:
    return {"msg": "reading.purposes", "purposes": _unique([str(p) for o in offences for p in o.purpose])}


def _means(offences: list[Offence]) -> dict[str, Any]:
    means = _unique([str(m) for o in offences for m in o.means])
    return {"msg": "reading.means", "means": means} if means else {"msg": "reading.any-means"}


def _object(offences: list[Offence]) -> dict[str, Any]:
    return {"msg": "reading.object", "objects": _unique([str(o.object) for o in offences])}


def _penalty(offences: list[Offence], full: bool = False) -> dict[str, Any]:
    """The imprisonment an offence carries; `full`: the whole penalty, fines and how they combine too."""
    if full:
        penalties = _unique([o.penalty.describe() for o in offences if o.penalty is not None])
    else:
        stated = [o for o in offences if o.penalty is not None and o.penalty.max is not None]
        penalties = _unique([_penalty_text(o) for o in stated])
    return {"msg": "reading.carrying", "penalties": penalties} if penalties else {"msg": "reading.no-penalty"}


# The traits a reading of a contested offence may differ in, in the order a reading says them.
_TRAITS = (_conduct, _object, _purposes, _victims, _means, _elements, _penalty)


def _offence_text(off: Offence) -> str:
    text = f"offence {off.id}"
    if off.penalty is not None and off.penalty.max is not None:
        text += f", {_penalty_text(off)}"
    return text


def _penalty_text(off: Offence) -> str:
    """'5 years to 15 years', 'up to 15 years': the penalty of an offence with a stated maximum."""
    assert off.penalty is not None and off.penalty.max is not None
    low = format_months(off.penalty.min) + " to " if off.penalty.min is not None else "up to "
    return low + format_months(off.penalty.max)


def resolve(corpus: Corpus, reading: Reading) -> Corpus:
    """The plain corpus of one reading: each contested fact replaced by the chosen alternative."""
    picked = {c.contest: c.reading for c in reading}
    instruments = tuple(_resolve_instrument(inst, picked) for inst in corpus.instruments)
    return replace(corpus, instruments=instruments)


def _resolve_instrument(inst: LoadedInstrument, picked: dict[str, str]) -> LoadedInstrument:
    """The instrument under the picked readings: itself when no contested fact of it changes it."""
    model = inst.model
    meta = model.instrument
    if meta.in_force_readings:
        chosen = next(r for r in meta.in_force_readings if r.reading == picked[f"entry into force of {inst.id}"])
        meta = meta.model_copy(update={"in_force_from": chosen.date, "in_force_readings": []})
    provisions = list(model.provisions)
    changed = False
    for n, prov in enumerate(model.provisions):
        if not any(map(_contested, prov.__dict__["versions"])):
            continue  # most provisions: no alternative to drop, nothing to copy
        versions = []
        for version in prov.versions:
            kept = [
                o
                for o in version.offences
                if o.alternative is None or picked[f"{inst.id} {o.alternative.fact}"] == o.alternative.reading
            ]
            same = len(kept) == len(version.offences)
            versions.append(version if same else version.model_copy(update={"offences": kept}))
        if any(new is not old for new, old in zip(versions, prov.versions, strict=True)):
            provisions[n] = prov.model_copy(update={"versions": versions})
            changed = True
    if meta is model.instrument and not changed:
        return inst
    return replace(inst, model=model.model_copy(update={"instrument": meta, "provisions": provisions}))


def _contested(version: Version) -> bool:
    """Whether some offence of the version is one alternative of a contested fact (fields read as in `contests`)."""
    for off in version.__dict__["offences"]:
        if off.__dict__["alternative"] is not None:
            return True
    return False


@dataclass(frozen=True)
class Plan:
    """The readings one evaluation explores: pinned choices, and the combinations of the live contests."""

    pinned: Reading
    explored: tuple[Contest, ...]
    readings: tuple[Reading, ...]


def plan(corpus: Corpus, as_of: dt.date, pins: Sequence[str] = ()) -> Plan:
    """Which readings to evaluate on `as_of`; `pins` name readings that hold (`--reading`)."""
    found = contests(corpus)
    by_name = {c.reading: c for contest in found for c in contest.choices}
    problems = [
        Problem(
            display_path(corpus.path / INDEX),
            1,
            1,
            f"no reading '{pin}' in {corpus.code}{messages.suggest(pin, sorted(by_name))}; "
            f"readings: {', '.join(sorted(by_name)) or 'none'}",
        )
        for pin in pins
        if pin not in by_name
    ]
    pinned = {by_name[p].contest: by_name[p] for p in pins if p in by_name}
    twice = sorted({by_name[p].contest for p in pins if p in by_name and pinned[by_name[p].contest].reading != p})
    problems += [
        Problem(display_path(corpus.path / INDEX), 1, 1, f"two readings pinned for one contested fact: {name}")
        for name in twice
    ]
    if problems:
        raise InputError(problems)
    default = {c.name: c.choices[0] for c in found}
    base = {**default, **pinned}
    live = tuple(c for c in found if c.name not in pinned and _changes_facts(corpus, c, base, as_of))
    count = 1
    for c in live:
        count *= len(c.choices)
    if count > MAX_READINGS:
        raise InputError(
            [
                Problem(
                    display_path(corpus.path / INDEX),
                    1,
                    1,
                    f"{len(live)} contested facts give {count} readings, more than the {MAX_READINGS} "
                    f"evaluated at once: pin some with --reading ({', '.join(c.name for c in live)})",
                )
            ]
        )
    fixed = tuple(base[c.name] for c in found if c not in live)
    readings = tuple(fixed + combo for combo in itertools.product(*(c.choices for c in live)))
    return Plan(tuple(pinned.values()), live, readings)


def _changes_facts(corpus: Corpus, contest: Contest, base: dict[str, Choice], as_of: dt.date) -> bool:
    """Whether the contest's alternatives give different law on `as_of` (others held at `base`).

    Only the facts of the contest's own instrument are compared: the others' do not depend on it.
    """
    own = replace(corpus, instruments=tuple(i for i in corpus.instruments if i.id == contest.instrument))
    seen = set()
    for choice in contest.choices:
        reading = tuple({**base, contest.name: choice}.values())
        seen.add(repr(flatten_law(resolve(own, reading), as_of)))
    return len(seen) > 1


def explored(reading: Reading, live: tuple[Contest, ...]) -> Iterator[Choice]:
    """The choices of a reading that were explored (not pinned, not irrelevant on the date)."""
    names = {c.name for c in live}
    return (c for c in reading if c.contest in names)
