"""The draft under construction: provisions replaced or added, with why, keyed by full provision id."""

from dataclasses import dataclass, field

from gapcheck.load import Corpus
from gapcheck.models import Offence, Provision


@dataclass(frozen=True)
class Edit:
    """One change of the draft: `replace` a provision, or `add` one to an instrument."""

    verb: str
    instrument: str
    provision: Provision
    reasons: tuple[str, ...]
    changed: tuple[str, ...] = field(default=())  # offence ids the suggestion wrote or rewrote

    @property
    def pid(self) -> str:
        return f"{self.instrument}/{self.provision.id}"


Draft = dict[str, Edit]


def provision(corpus: Corpus, draft: Draft, pid: str) -> Provision | None:
    """The provision as the draft so far leaves it."""
    if pid in draft:
        return draft[pid].provision
    inst, _, local = pid.rpartition("/")
    for i in corpus.instruments:
        if i.id == inst:
            return next((p for p in i.model.provisions if p.id == local), None)
    return None


def with_offence(corpus: Corpus, draft: Draft, pid: str, new: Offence, why: str) -> Draft:
    """The draft with one offence of an existing provision replaced."""
    current = provision(corpus, draft, pid)
    assert current is not None
    offences = [_noted(o, new, why) if o.id == new.id else o for o in current.offences]
    old = draft.get(pid)
    verb = old.verb if old else "replace"
    reasons = (*old.reasons, why) if old else (why,)
    changed = tuple(dict.fromkeys([*(old.changed if old else ()), new.id]))
    inst = pid.rpartition("/")[0]
    return {**draft, pid: Edit(verb, inst, current.model_copy(update={"offences": offences}), reasons, changed)}


def with_new(draft: Draft, instrument: str, prov: Provision, why: str) -> Draft:
    """The draft with a new provision added to an instrument."""
    edit = Edit("add", instrument, prov, (why,), tuple(o.id for o in prov.offences))
    return {**draft, edit.pid: edit}


def _noted(old: Offence, new: Offence, why: str) -> Offence:
    """The amended offence, its note saying what the suggestion changed (the old note described the law in force)."""
    first = old.note if old.note and old.note.startswith(SUGGESTED) else None
    before = "" if first or not old.note else f" Before: {old.note}"
    edits = why.split(": ", 1)[1]
    note = f"{first} Also {edits}." if first else f"{SUGGESTED} {edits}.{before}"
    return new.model_copy(update={"note": note})


SUGGESTED = "Suggested amendment (for review by a lawyer):"
