"""Load statute and standard folders into validated models, collecting every problem.

A jurisdiction is a folder `statutes/<code>/` with `_jurisdiction.yaml` and
one file per instrument; the folder tree is the namespace, so
`statutes/la/penal-code-2017.yaml` is instrument `la/penal-code-2017`.
"""

import gc
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from gapcheck import cache, limits, messages, references
from gapcheck.errors import InputError, Problem, display_path
from gapcheck.formats import Upgrade, upgrade_statute
from gapcheck.models import JurisdictionFile, StatuteFile
from gapcheck.standard import Requirement, StandardFile
from gapcheck.values import identifier_problem
from gapcheck.yamlsrc import YamlDoc, read_limited

INDEX = "_jurisdiction.yaml"
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class LoadedInstrument:
    """An instrument file and where it came from."""

    id: str
    doc: YamlDoc
    model: StatuteFile

    def at(self, loc: tuple[int | str, ...], message: str) -> Problem:
        """A problem at a location of the model, found in the file as written (any format)."""
        return self.doc.at(upgrade_statute(self.doc.data)[1](loc), message)


@dataclass(frozen=True)
class Corpus:
    """A jurisdiction's law as loaded: its index and its instruments, sorted by id."""

    code: str
    path: Path
    index: JurisdictionFile
    instruments: tuple[LoadedInstrument, ...]
    index_doc: YamlDoc | None = None


@dataclass(frozen=True)
class Standards:
    """The international standards: instruments and requirements by id."""

    files: dict[str, StandardFile]
    requirements: dict[str, Requirement]
    instrument_of: dict[str, str]

    def addressee(self, cite: str) -> str | None:
        """The state a citation's instrument is addressed to (a country report), by its short title."""
        matches = [f for f in self.files.values() if cite.startswith(f.instrument.short)]
        best = max(matches, key=lambda f: len(f.instrument.short), default=None)
        return best.instrument.addressed_to if best else None


def validate(doc: YamlDoc, model: type[M], upgrade: Upgrade | None = None) -> M:
    """Validate a parsed file against a model, locating every error (older formats upgraded first)."""
    if upgrade is None and model is StatuteFile:
        # StatuteFile upgrades what it is given (a validator of its own): the upgrade here is needed
        # only to locate an error, and is done only then (a cold load upgraded every provision twice)
        try:
            return model.model_validate(doc.data)
        except ValidationError as err:
            upgraded, to_file = upgrade_statute(doc.data)
            raise InputError(messages.problems(doc, model, err, upgraded, to_file)) from None
    data, relocate = upgrade(doc.data) if upgrade else (doc.data, None)
    try:
        return model.model_validate(data)
    except ValidationError as err:
        raise InputError(messages.problems(doc, model, err, data, relocate)) from None


def _yaml_files(folder: Path) -> list[Path]:
    """Every entry named *.yaml: one that is not a regular file is reported by `read`, not skipped."""
    return sorted(folder.glob("*.yaml"))


def _names(folder: Path, files: list[Path]) -> list[Problem]:
    """The folder tree is the namespace: the jurisdiction code and instrument names must be identifiers."""
    problems = []
    if identifier_problem(folder.name):
        problems.append(Problem(display_path(folder), 1, 1, f"jurisdiction code {identifier_problem(folder.name)}"))
    for path in files:
        if identifier_problem(path.stem):
            problems.append(Problem(display_path(path), 1, 1, f"instrument name {identifier_problem(path.stem)}"))
    return problems


def _collect(paths: Iterable[Path], model: type[M]) -> tuple[list[tuple[YamlDoc, M]], list[Problem]]:
    """Each file loaded, its problems collected; no cyclic garbage collection meanwhile (what a load allocates
    is kept or freed by reference counting; the limits bound it), which scanned the models built so far."""
    loaded: list[tuple[YamlDoc, M]] = []
    problems: list[Problem] = []
    collecting = gc.isenabled()
    gc.disable()
    try:
        for path in paths:
            try:
                loaded.append(load_file(path, model))
            except InputError as err:
                problems.extend(err.problems)
    finally:
        if collecting:
            gc.enable()
    return loaded, problems


def load_file(path: Path, model: type[M]) -> tuple[YamlDoc, M]:
    """One file validated as `model`: from the cache of validated models when its content is unchanged.

    The content was parsed within the limits when its entry was made (the fingerprint covers them).
    """
    text = read_limited(path)
    doc = YamlDoc(path, text=text)
    return doc, cache.cached(model.__name__, text, lambda: validate(doc, model))


def load_jurisdiction(folder: Path, requirement_ids: Iterable[str] = (), standard_ids: Iterable[str] = ()) -> Corpus:
    """Load `statutes/<code>/`; raise InputError with every problem found.

    With `requirement_ids` and `standard_ids`, references to requirements and to
    standards' instruments (treaty status) are checked too.
    """
    if not folder.is_dir():
        raise InputError([Problem(display_path(folder), 1, 1, "no such jurisdiction folder")])
    limits.check_folder(folder, _yaml_files(folder))
    index_path = folder / INDEX
    problems: list[Problem] = []
    index: JurisdictionFile | None = None
    index_doc: YamlDoc | None = None
    if not index_path.exists():
        problems.append(
            Problem(
                display_path(index_path),
                1,
                1,
                f"missing {INDEX}: every jurisdiction folder needs one (name, as_of, source)",
            )
        )
    else:
        found, index_problems = _collect([index_path], JurisdictionFile)
        problems += index_problems
        if found:
            index_doc, index = found[0]
    files = [p for p in _yaml_files(folder) if p.name != INDEX]
    problems += _names(folder, files)
    loaded, file_problems = _collect(files, StatuteFile)
    problems += file_problems
    code = folder.name
    instruments = tuple(LoadedInstrument(f"{code}/{doc.path.stem}", doc, m) for doc, m in loaded)
    for inst in instruments:
        problems += _duplicate_provisions(inst)
    known = set(requirement_ids)
    if known:
        problems += _unknown_requirement_refs(index_doc, index, instruments, known)
    if index is not None and index_doc is not None:
        problems += references.check(index_doc, index, instruments, sorted(standard_ids))
    if problems or index is None:
        raise InputError(problems)
    return Corpus(code, folder, index, instruments, index_doc)


def _duplicate_provisions(inst: LoadedInstrument) -> list[Problem]:
    seen: dict[str, int] = {}
    out = []
    for n, prov in enumerate(inst.model.provisions):
        if prov.id in seen:
            out.append(
                inst.at(
                    ("provisions", n, "id"),
                    f"duplicate provision id '{inst.id}/{prov.id}' "
                    f"(first at provisions[{seen[prov.id]}]): give each provision its own id",
                )
            )
        else:
            seen[prov.id] = n
    return out


def _unknown_requirement_refs(
    index_doc: YamlDoc | None,
    index: JurisdictionFile | None,
    instruments: tuple[LoadedInstrument, ...],
    known: set[str],
) -> list[Problem]:
    choices = sorted(known)
    out: list[Problem] = []

    def check(doc: YamlDoc, loc: tuple[int | str, ...], ids: list[str]) -> None:
        for n, rid in enumerate(ids):
            if rid not in known:
                out.append(doc.at(loc + (n,), f"unknown requirement '{rid}'{messages.suggest(rid, choices)}"))

    if index is not None and index_doc is not None:
        for n, c in enumerate(index.complete):
            check(index_doc, ("complete", n, "requirements"), c.requirements)
        for n, u in enumerate(index.unknowns):
            check(index_doc, ("unknowns", n, "requirements"), u.requirements)
        for n, rec in enumerate(index.recommendations):
            check(index_doc, ("recommendations", n, "requirements"), rec.requirements)
    for inst in instruments:
        for p, prov in enumerate(inst.model.provisions):
            for v, version in enumerate(prov.versions):
                for n, u in enumerate(version.unknowns):
                    loc = ("provisions", p, "versions", v, "unknowns", n, "requirements")
                    for k, rid in enumerate(u.requirements):
                        if rid not in known:
                            out.append(
                                inst.at((*loc, k), f"unknown requirement '{rid}'{messages.suggest(rid, choices)}")
                            )
    return out


def load_standards(folder: Path) -> Standards:
    """Load `standards/`; requirement ids are unique across files, references resolve."""
    if not folder.is_dir():
        raise InputError([Problem(display_path(folder), 1, 1, "no such standards folder")])
    limits.check_folder(folder, _yaml_files(folder))
    loaded, problems = _collect(_yaml_files(folder), StandardFile)
    files: dict[str, StandardFile] = {}
    requirements: dict[str, Requirement] = {}
    instrument_of: dict[str, str] = {}
    where: dict[str, tuple[YamlDoc, int]] = {}
    for doc, model in loaded:
        files[doc.path.stem] = model
        for n, req in enumerate(model.requirements):
            if req.id in requirements:
                first = where[req.id][0].name
                problems.append(
                    doc.at(("requirements", n, "id"), f"duplicate requirement id '{req.id}' (also in {first})")
                )
                continue
            requirements[req.id] = req
            instrument_of[req.id] = doc.path.stem
            where[req.id] = (doc, n)
    instruments = sorted(files)
    for rid, (doc, n) in where.items():
        req = requirements[rid]
        for s, cite in enumerate(req.sources):
            if cite.instrument not in files:
                problems.append(
                    doc.at(
                        ("requirements", n, "sources", s, "instrument"),
                        f"unknown instrument '{cite.instrument}'"
                        f"{messages.suggest(cite.instrument, instruments)}; "
                        f"instruments are the file names under standards/",
                    )
                )
        for r, ref in enumerate(getattr(req.test, "requirements", [])):
            if ref not in requirements and ref not in where:
                problems.append(
                    doc.at(
                        ("requirements", n, "test", "requirements", r),
                        f"unknown requirement '{ref}'{messages.suggest(ref, sorted(where))}",
                    )
                )
    if problems:
        raise InputError(problems)
    return Standards(files, dict(sorted(requirements.items())), instrument_of)
