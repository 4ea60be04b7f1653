"""The draft under construction: provisions replaced or added, with why, keyed by full provision id."""

import datetime as dt
from dataclasses import dataclass, field

from gapcheck.facts import version_on
from gapcheck.load import Corpus
from gapcheck.models import Offence, Provision, Version
from gapcheck.suggest.steps import Note


@dataclass(frozen=True)
class Edit:
    """One change of the draft: `replace` a provision's text with a new version, or `add` a provision.

    `text` is the version the draft proposes; for `add`, `provision` holds it as its only version.
    """

    verb: str
    instrument: str
    provision: Provision
    text: Version
    reasons: tuple[Note, ...]  # what it does for each requirement it serves
    changed: tuple[str, ...] = field(default=())  # offence ids the suggestion wrote or rewrote

    @property
    def pid(self) -> str:
        return f"{self.instrument}/{self.provision.id}"


Draft = dict[str, Edit]


def provision(corpus: Corpus, draft: Draft, pid: str) -> Provision | None:
    """The provision as the draft so far leaves it (its number and heading; its text is `text`)."""
    if pid in draft:
        return draft[pid].provision
    inst, _, local = pid.rpartition("/")
    for i in corpus.instruments:
        if i.id == inst:
            return next((p for p in i.model.provisions if p.id == local), None)
    return None


def text(corpus: Corpus, draft: Draft, pid: str, as_of: dt.date) -> Version | None:
    """The provision's text in force on `as_of` as the draft so far leaves it (None: none in force)."""
    if pid in draft:
        return draft[pid].text
    prov = provision(corpus, draft, pid)
    return version_on(prov, as_of) if prov else None


def with_offence(corpus: Corpus, draft: Draft, pid: str, new: Offence, why: Note, as_of: dt.date) -> Draft:
    """The draft with one offence of an existing provision replaced (a new version of its text in force)."""
    prov = provision(corpus, draft, pid)
    current = text(corpus, draft, pid, as_of)
    assert prov is not None and current is not None
    offences = [_noted(o, new, why) if o.id == new.id else o for o in current.offences]
    old = draft.get(pid)
    verb = old.verb if old else "replace"
    reasons = (*old.reasons, why) if old else (why,)
    changed = tuple(dict.fromkeys([*(old.changed if old else ()), new.id]))
    inst = pid.rpartition("/")[0]
    if verb == "add":
        version = current.model_copy(update={"offences": offences})
        prov = prov.model_copy(update={"versions": [version]})
    else:
        version = current.model_copy(
            update={
                "offences": offences,
                "in_force_from": None,
                "in_force_until": None,
                "amended_by": None,
                "draft": None,
                "note": None,
            }
        )
    return {**draft, pid: Edit(verb, inst, prov, version, reasons, changed)}


def with_new(draft: Draft, instrument: str, prov: Provision, why: Note) -> Draft:
    """The draft with a new provision (of one version) added to an instrument."""
    version = prov.versions[-1]
    edit = Edit("add", instrument, prov, version, (why,), tuple(o.id for o in version.offences))
    return {**draft, edit.pid: edit}


def _noted(old: Offence, new: Offence, why: Note) -> Offence:
    """The amended offence, its note saying what the suggestion changed (the old note described the law in force)."""
    first = old.note if old.note and old.note.startswith(SUGGESTED) else None
    before = "" if first or not old.note else f" Before: {old.note}"
    edits = "; ".join(s.said() for s in why.steps)
    note = f"{first} Also {edits}." if first else f"{SUGGESTED} {edits}.{before}"
    return new.model_copy(update={"note": note})


SUGGESTED = "Suggested amendment (for review by a lawyer):"
