"""The data an analysis runs on: the standards, the statutes root, and drafts applied in order."""

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from gapcheck import amendment, messages
from gapcheck.errors import InputError, Problem, display_path
from gapcheck.evaluate import Evaluation, evaluate
from gapcheck.load import INDEX, Corpus, Standards, load_jurisdiction, load_standards
from gapcheck.paths import STANDARDS, STATUTES
from gapcheck.provenance import Provenance, digest, yaml_files


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
    """Standards loaded once; each jurisdiction loaded once, on demand (corpora are immutable)."""

    statutes: Path
    standards: Standards
    standards_dir: Path = STANDARDS
    _loaded: dict[Path, Corpus] = field(default_factory=dict, compare=False, repr=False)

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
            known = (
                sorted(p.name for p in self.statutes.iterdir() if (p / INDEX).exists())
                if self.statutes.is_dir()
                else []
            )
            raise InputError(
                [
                    Problem(
                        display_path(folder),
                        1,
                        1,
                        f"no jurisdiction '{jurisdiction}'{messages.suggest(jurisdiction, known)}; "
                        f"known: {', '.join(known) or 'none'}",
                    )
                ]
            )
        return folder

    def corpus(self, jurisdiction: str, amendments: tuple[Path, ...] = ()) -> tuple[Corpus, tuple[str, ...]]:
        """A jurisdiction's law, with the drafts applied in order."""
        folder = self.folder(jurisdiction).resolve()
        if folder not in self._loaded:
            self._loaded[folder] = load_jurisdiction(folder, self.standards.requirements)
        corpus = self._loaded[folder]
        titles = []
        repealed: set[str] = set()
        for path in amendments:
            if not path.is_file():
                raise InputError([Problem(display_path(path), 1, 1, "no such amendment file")])
            corpus, title = amendment.apply(corpus, path, repealed)
            titles.append(title)
        return corpus, tuple(titles)

    def evaluate(
        self,
        jurisdiction: str,
        as_of: dt.date | None = None,
        amendments: tuple[Path, ...] = (),
        readings: tuple[str, ...] = (),
    ) -> Run:
        """Findings for a jurisdiction (as amended) on a date (default: its own as_of), `readings` pinned."""
        corpus, titles = self.corpus(jurisdiction, amendments)
        date = as_of or _default_date(corpus)
        meta = corpus.index.jurisdiction
        provenance = Provenance(
            jurisdiction=corpus.code,
            jurisdiction_name=meta.name,
            reference=meta.reference,
            as_of=date.isoformat(),
            amendment=" + ".join(titles) or None,
            corpus=digest([*yaml_files(corpus.path), *amendments]),
            standards=digest(yaml_files(self.standards_dir)),
        )
        return Run(evaluate(corpus, self.standards, date, readings), corpus, titles, provenance)


def _default_date(corpus: Corpus) -> dt.date:
    raw = corpus.index.jurisdiction.as_of
    return dt.date(int(raw), 12, 31) if len(raw) == 4 else dt.date.fromisoformat(raw)
