"""The data an analysis runs on: the standards, the statutes root, and drafts applied in order."""

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from engine import amendment, messages
from engine.errors import InputError, Problem, display_path
from engine.evaluate import Evaluation, evaluate
from engine.load import INDEX, Corpus, Standards, load_jurisdiction, load_standards
from engine.paths import STANDARDS, STATUTES
from engine.provenance import Provenance, digest, yaml_files
from engine.yamlsrc import read


@dataclass(frozen=True)
class Run:
    """An evaluation, the drafts it applied, and where it all came from."""

    evaluation: Evaluation
    corpus: Corpus
    amendments: tuple[str, ...]
    provenance: Provenance

    @property
    def amendment_label(self) -> str | None:
        return " + ".join(self.amendments) if self.amendments else None


@dataclass(frozen=True)
class Workspace:
    """Standards loaded once; jurisdictions loaded on demand."""

    statutes: Path
    standards: Standards
    standards_dir: Path = STANDARDS

    @classmethod
    def open(cls, statutes: Path | None = None, standards: Path | None = None) -> "Workspace":
        folder = standards or STANDARDS
        return cls(statutes or STATUTES, load_standards(folder), folder)

    def folder(self, jurisdiction: str) -> Path:
        """A jurisdiction code under the statutes root, or a path to a jurisdiction folder."""
        as_path = Path(jurisdiction)
        if (as_path / INDEX).exists():
            return as_path
        folder = self.statutes / jurisdiction
        if not folder.is_dir():
            known = sorted(p.name for p in self.statutes.iterdir() if (p / INDEX).exists()) \
                if self.statutes.is_dir() else []
            raise InputError([Problem(display_path(folder), 1, 1,
                                      f"no jurisdiction '{jurisdiction}'{messages.suggest(jurisdiction, known)}; "
                                      f"known: {', '.join(known) or 'none'}")])
        return folder

    def corpus(self, jurisdiction: str, amendments: tuple[Path, ...] = ()) -> tuple[Corpus, tuple[str, ...]]:
        """A jurisdiction's law, with the drafts applied in order."""
        corpus = load_jurisdiction(self.folder(jurisdiction), self.standards.requirements)
        titles = []
        repealed: set[str] = set()
        for path in amendments:
            if not path.is_file():
                raise InputError([Problem(display_path(path), 1, 1, "no such amendment file")])
            corpus, title = amendment.apply(corpus, path, repealed)
            titles.append(title)
        return corpus, tuple(titles)

    def evaluate(self, jurisdiction: str, as_of: dt.date | None = None,
                 amendments: tuple[Path, ...] = ()) -> Run:
        """Findings for a jurisdiction (as amended) on a date (default: its own as_of)."""
        corpus, titles = self.corpus(jurisdiction, amendments)
        date = as_of or _default_date(corpus)
        meta = corpus.index.jurisdiction
        provenance = Provenance(
            jurisdiction=corpus.code, jurisdiction_name=meta.name, reference=meta.reference,
            as_of=date.isoformat(), amendment=" + ".join(titles) or None,
            corpus=digest([*yaml_files(corpus.path), *amendments]),
            standards=digest(yaml_files(self.standards_dir)))
        return Run(evaluate(corpus, self.standards, date), corpus, titles, provenance)


def _default_date(corpus: Corpus) -> dt.date:
    raw = corpus.index.jurisdiction.as_of
    return dt.date(int(raw), 12, 31) if len(raw) == 4 else dt.date.fromisoformat(raw)


def validate_paths(paths: list[Path], standards: Path | None) -> list[str]:
    """Load every statute, jurisdiction and standards folder named; one summary line each."""
    problems: list[Problem] = []
    lines: list[str] = []
    try:
        std = load_standards(standards or STANDARDS)
    except InputError as err:
        std = None
        problems += err.problems
    targets = paths or [STATUTES, standards or STANDARDS]
    for target in targets:
        try:
            lines += _validate_one(target, std)
        except InputError as err:
            problems += err.problems
    if problems:
        raise InputError(problems)
    return lines


def _validate_one(target: Path, std: Standards | None) -> list[str]:
    ids = std.requirements if std else {}
    if target.is_file():
        folder = target.parent
        if target.name == INDEX or (folder / INDEX).exists():
            target = folder
        else:
            loaded = load_standards(folder) if target.parent.name == "standards" else None
            if loaded is None:
                _, draft = amendment.load(target)
                return [f"ok  {display_path(target)}: amendment of {draft.amendment.jurisdiction}, "
                        f"{len(draft.changes)} changes"]
            return [f"ok  {display_path(folder)}: {len(loaded.requirements)} requirements"]
    if (target / INDEX).exists():
        corpus = load_jurisdiction(target, ids)
        n = sum(len(i.model.provisions) for i in corpus.instruments)
        return [f"ok  {display_path(target)}: {len(corpus.instruments)} instruments, {n} provisions"]
    subfolders = sorted(p for p in target.iterdir() if (p / INDEX).exists()) if target.is_dir() else []
    if subfolders:
        problems: list[Problem] = []
        out: list[str] = []
        for sub in subfolders:
            try:
                out += _validate_one(sub, std)
            except InputError as err:
                problems += err.problems
        if problems:
            raise InputError(problems)
        return out
    if target.is_dir() and any("provisions" in read(p).data for p in sorted(target.glob("*.yaml"))):
        load_jurisdiction(target, ids)  # reports the missing index, and more
    if target.is_dir():
        loaded = load_standards(target)
        return [f"ok  {display_path(target)}: {len(loaded.files)} instruments, "
                f"{len(loaded.requirements)} requirements"]
    raise InputError([Problem(display_path(target), 1, 1, "no such file or folder")])
