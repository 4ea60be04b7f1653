"""Draft amendments: add, replace or repeal provisions, without touching the statute files.

A draft is evaluated as if in force on the analysis date. Changes address
provisions by id (`la/law-on-children-2007/art-89`) and instruments by
`<jurisdiction>/<instrument>`; an address that does not resolve is bad
input with a did-you-mean. A replacement or repeal adds a new version to
the provision (marked with the draft's title), so its id and its history
stay; a repeal is a new, empty version.
"""

from dataclasses import replace as dc_replace
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, model_validator

from gapcheck import formats, messages
from gapcheck.dates import LegalDate
from gapcheck.errors import InputError, Problem
from gapcheck.load import Corpus, LoadedInstrument, validate
from gapcheck.models import Instrument, Provision, StatuteFile, Strict, Version
from gapcheck.values import Address, Identifier
from gapcheck.yamlsrc import YamlDoc, read

VERBS = ("add", "replace", "repeal")


class Change(Strict):
    """One change: exactly one of `add`, `replace`, `repeal`, with what it needs."""

    add: Address | None = Field(None, description="instrument id to add to, or a new instrument's id")
    replace: Address | None = Field(None, description="provision id to replace")
    repeal: Address | None = Field(None, description="provision id to repeal")
    provision: Provision | None = None
    version: Version | None = Field(None, description="with replace: the new text of the provision")
    instrument: Instrument | None = Field(None, description="with add: a new instrument")
    provisions: list[Provision] = Field(default_factory=list, description="with add and instrument")

    @model_validator(mode="after")
    def _shape(self) -> "Change":
        verbs = [v for v in VERBS if getattr(self, v) is not None]
        if len(verbs) != 1:
            raise ValueError(f"a change has exactly one of add, replace, repeal (found {len(verbs) or 'none'})")
        verb = verbs[0]
        if verb == "repeal" and (self.provision or self.instrument or self.provisions or self.version):
            raise ValueError("repeal takes only the provision id")
        if verb == "replace" and (self.provision is None) == (self.version is None):
            raise ValueError("replace needs the new `provision` (or only its new text, as `version`), not both")
        if verb == "add" and self.version is not None:
            raise ValueError("add takes a `provision`; `version` is for replace")
        if verb == "add" and self.instrument is None and self.provision is None:
            raise ValueError("add needs a `provision` (to an existing instrument) or an `instrument` (new)")
        return self

    @property
    def verb(self) -> str:
        return next(v for v in VERBS if getattr(self, v) is not None)


class AmendmentMeta(Strict):
    """What a draft is."""

    jurisdiction: Identifier
    title: str
    date: LegalDate
    source: str | None = None
    note: str | None = None


class AmendmentFile(Strict):
    """A draft amendment file."""

    amendment: AmendmentMeta
    changes: list[Change] = Field(min_length=1)
    format: Literal[1, 2] = Field(1, description="the data format of the provisions it holds")

    @model_validator(mode="before")
    @classmethod
    def _upgrade(cls, data: Any) -> Any:
        return formats.upgrade_amendment(data)[0]


def load(path: Path) -> tuple[YamlDoc, AmendmentFile]:
    """Read and validate an amendment file."""
    doc = read(path)
    return doc, validate(doc, AmendmentFile, formats.upgrade_amendment)


def apply(corpus: Corpus, path: Path, repealed: set[str]) -> tuple[Corpus, str]:
    """The corpus as the draft would leave it, and the draft's title.

    `repealed` carries the provisions repealed so far across a sequence of drafts.
    """
    doc, draft = load(path)
    if draft.amendment.jurisdiction != corpus.code:
        raise InputError(
            [
                doc.at(
                    ("amendment", "jurisdiction"),
                    f"this draft amends '{draft.amendment.jurisdiction}', but the analysis is of '{corpus.code}'",
                )
            ]
        )
    instruments = {i.id: i for i in corpus.instruments}
    problems: list[Problem] = []
    changed: dict[str, int] = {}  # provision -> the change of this draft that replaced or repealed it
    for n, change in enumerate(draft.changes):
        try:
            if change.verb != "add" and getattr(change, change.verb) in repealed:
                raise InputError(
                    [
                        doc.at(
                            ("changes", n, change.verb),
                            f"provision '{getattr(change, change.verb)}' was already repealed by an earlier change",
                        )
                    ]
                )
            if change.verb != "add":
                target = getattr(change, change.verb)
                if target in changed:
                    raise InputError(
                        [
                            doc.at(
                                ("changes", n, change.verb),
                                f"provision '{target}' is already changed by changes[{changed[target]}] of this draft: "
                                f"make it one change",
                            )
                        ]
                    )
                changed[target] = n
            _apply_one(instruments, corpus.code, doc, n, change, draft.amendment.title)
            if change.repeal is not None:
                repealed.add(change.repeal)
        except InputError as err:
            problems += err.problems
    if problems:
        raise InputError(problems)
    ordered = tuple(instruments[k] for k in sorted(instruments))
    return dc_replace(corpus, instruments=ordered), draft.amendment.title


def _apply_one(
    instruments: dict[str, LoadedInstrument], code: str, doc: YamlDoc, n: int, change: Change, title: str
) -> None:
    verb = change.verb
    target: str = getattr(change, verb)
    at = ("changes", n, verb)
    if verb == "add":
        if change.instrument is not None:
            if target in instruments:
                raise InputError([doc.at(at, f"instrument '{target}' already exists: add a provision to it instead")])
            if not target.startswith(f"{code}/") or target.count("/") != 1:
                raise InputError([doc.at(at, f"a new instrument id is '{code}/<name>', not '{target}'")])
            model = StatuteFile.model_validate(
                {"instrument": change.instrument, "provisions": change.provisions, "format": 2}
            )
            _check_unique(doc, at, target, model.provisions)
            instruments[target] = LoadedInstrument(target, doc, model)
            return
        inst = _instrument(instruments, doc, at, target)
        assert change.provision is not None
        pid = f"{target}/{change.provision.id}"
        if any(p.id == change.provision.id for p in inst.model.provisions):
            raise InputError(
                [
                    doc.at(
                        ("changes", n, "provision", "id"), f"provision '{pid}' already exists: use replace to change it"
                    )
                ]
            )
        _set(instruments, inst, [*inst.model.provisions, change.provision])
        return
    if target in instruments:
        raise InputError(
            [doc.at(at, f"'{target}' is an instrument: {verb} takes a provision id ('{target}/<provision>')")]
        )
    inst_id, _, local = target.rpartition("/")
    inst = _instrument(instruments, doc, at, inst_id)
    ids = [p.id for p in inst.model.provisions]
    if local not in ids:
        choices = [f"{inst.id}/{i}" for i in ids]
        raise InputError([doc.at(at, f"no provision '{target}'{messages.suggest(target, choices)}")])
    current = inst.model.provisions[ids.index(local)]
    if current.repealed is not None:
        raise InputError([doc.at(at, f"provision '{target}' was already repealed ({current.repealed})")])
    if verb == "repeal":
        new = current.model_copy(
            update={"versions": [*current.versions, Version.model_validate({"draft": title, "note": "repealed"})]}
        )
    elif change.version is not None:
        text = change.version.model_copy(update={"draft": title})
        new = current.model_copy(update={"versions": [*current.versions, text]})
    else:
        assert change.provision is not None
        if change.provision.id != local:
            raise InputError(
                [
                    doc.at(
                        ("changes", n, "provision", "id"),
                        f"replace keeps the id: expected '{local}', got '{change.provision.id}'",
                    )
                ]
            )
        texts = [
            v.model_copy(update={"draft": title, "source": v.source or change.provision.source})
            for v in change.provision.versions
        ]
        new = change.provision.model_copy(
            update={"versions": [*current.versions, *texts], "formerly": current.formerly or change.provision.formerly}
        )
    _set(instruments, inst, [new if p.id == local else p for p in inst.model.provisions])


def _instrument(
    instruments: dict[str, LoadedInstrument], doc: YamlDoc, at: tuple[Any, ...], target: str
) -> LoadedInstrument:
    if target not in instruments:
        raise InputError([doc.at(at, f"no instrument '{target}'{messages.suggest(target, sorted(instruments))}")])
    return instruments[target]


def _set(instruments: dict[str, LoadedInstrument], inst: LoadedInstrument, provisions: list[Provision]) -> None:
    model = inst.model.model_copy(update={"provisions": provisions})
    instruments[inst.id] = LoadedInstrument(inst.id, inst.doc, model)


def _check_unique(doc: YamlDoc, at: tuple[Any, ...], target: str, provisions: list[Provision]) -> None:
    ids = [p.id for p in provisions]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise InputError([doc.at(at, f"duplicate provision id(s) in '{target}': {', '.join(dupes)}")])
