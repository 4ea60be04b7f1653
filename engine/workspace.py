"""The data an analysis runs on: the standards, the statutes root, and drafts applied in order."""

import datetime as dt
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from gapcheck import cache, config, messages
from gapcheck.dates import within
from gapcheck.errors import InputError, Problem, display_path
from gapcheck.load import INDEX, Corpus, Standards, load_jurisdiction, load_standards
from gapcheck.paths import STANDARDS, STATUTES
from gapcheck.provenance import Provenance, digest, yaml_files
from gapcheck.yamlsrc import STDIN

if TYPE_CHECKING:  # the rule engine: imported by the commands that evaluate, not by validate
    from gapcheck.evaluate import Evaluation


@dataclass(frozen=True)
class Run:
    """An evaluation, the drafts it applied, and where it all came from."""

    evaluation: "Evaluation"
    corpus: Corpus
    amendments: tuple[str, ...]
    provenance: Provenance

    @property
    def amendment_label(self) -> str | None:
        return " + ".join(self.amendments) if self.amendments else None


@dataclass(frozen=True)
class Workspace:
    """Standards loaded once; each jurisdiction loaded once, on demand (corpora are immutable).

    A jurisdiction code is looked up in `statutes` (the user's corpus) and then in `bundled`
    (the jurisdictions shipped with gapcheck); a path names a folder. Where a code could mean
    more than one folder, the one used is said through `notify`.
    """

    statutes: Path
    standards: Standards
    standards_dir: Path = STANDARDS
    bundled: Path | None = STATUTES
    notify: Callable[[str], None] = field(default=lambda _: None, compare=False, repr=False)
    _loaded: dict[Path, Corpus] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def open(
        cls,
        statutes: Path | None = None,
        standards: Path | None = None,
        notify: Callable[[str], None] | None = None,
    ) -> "Workspace":
        """The user's statutes (default: the active settings', else the bundled ones) and standards."""
        settings = config.active()
        folder = standards or settings.standards or STANDARDS
        roots = statutes or settings.statutes or STATUTES
        return cls(roots, load_standards(folder), folder, STATUTES, notify or (lambda _: None))

    def roots(self) -> list[Path]:
        """Statutes roots in search order, each once."""
        found = [self.statutes, *([self.bundled] if self.bundled else [])]
        return list(dict.fromkeys(p.resolve() for p in found))

    def codes(self) -> list[str]:
        """Every jurisdiction code that resolves, in order."""
        return sorted(
            {p.name for root in self.roots() if root.is_dir() for p in root.iterdir() if (p / INDEX).exists()}
        )

    def folder(self, jurisdiction: str) -> Path:
        """A jurisdiction code (user's statutes, then bundled), or a path to a jurisdiction folder."""
        jurisdiction = unicodedata.normalize("NFC", jurisdiction)  # as the folder names it is checked against
        if looks_like_path(jurisdiction):
            as_path = Path(jurisdiction).expanduser()
            if (as_path / INDEX).exists():
                return as_path
            raise InputError([Problem(display_path(as_path), 1, 1, f"no jurisdiction folder (no {INDEX} here)")])
        found = [root / jurisdiction for root in self.roots() if (root / jurisdiction / INDEX).exists()]
        if not found:
            known = self.codes()
            raise InputError(
                [
                    Problem(
                        display_path(self.statutes / jurisdiction),
                        1,
                        1,
                        f"no jurisdiction '{jurisdiction}'{messages.suggest(jurisdiction, known)}; "
                        f"known: {', '.join(known) or 'none'}",
                    )
                ]
            )
        chosen = found[0]
        others = [display_path(p) for p in found[1:]]
        here = Path(jurisdiction)
        if (here / INDEX).exists() and here.resolve() != chosen.resolve():
            others.append(f"{jurisdiction}/ in the working directory (write ./{jurisdiction} to use it)")
        if others:
            self.notify(f"jurisdiction '{jurisdiction}': using {display_path(chosen)}; not {'; not '.join(others)}")
        return chosen

    def corpus(self, jurisdiction: str, amendments: tuple[Path, ...] = ()) -> tuple[Corpus, tuple[str, ...]]:
        """A jurisdiction's law, with the drafts applied in order."""
        folder = self.folder(jurisdiction).resolve()
        if folder not in self._loaded:
            self._loaded[folder] = load_jurisdiction(folder, self.standards.requirements, self.standards.files)
        corpus = self._loaded[folder]
        titles = []
        repealed: set[str] = set()
        for path in amendments:
            from gapcheck import amendment  # only where drafts are applied (`-a`)

            if str(path) != STDIN and not path.is_file():
                raise InputError([Problem(display_path(path), 1, 1, "no such amendment file")])
            corpus, title = amendment.apply(corpus, path, repealed)
            titles.append(title)
        return corpus, tuple(titles)

    def forget(self) -> None:
        """Drop the jurisdictions loaded so far and the models kept in memory (the standards stay)."""
        self._loaded.clear()
        cache.clear_memory()

    def evaluate(
        self,
        jurisdiction: str,
        as_of: dt.date | None = None,
        amendments: tuple[Path, ...] = (),
        readings: tuple[str, ...] = (),
    ) -> Run:
        """Findings for a jurisdiction (as amended) on a date (default: its own as_of), `readings` pinned."""
        from gapcheck.evaluate import evaluate

        corpus, titles = self.corpus(jurisdiction, amendments)
        date = as_of or _default_date(corpus)
        _within_coverage(corpus, date)
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


def _within_coverage(corpus: Corpus, date: dt.date) -> None:
    """An analysis date outside the period the corpus describes is bad input, never a silent answer."""
    period = corpus.index.jurisdiction.coverage
    if period is None or within(period.from_, period.until, date):
        return
    span = f"{period.from_} to {period.until}" if period.until else f"{period.from_} onwards"
    message = (
        f"analysis date {date.isoformat()} is outside the period this corpus covers ({span}); "
        f"choose an --as-of within it, or extend jurisdiction.coverage with the law of that time"
    )
    if corpus.index_doc is not None:
        raise InputError([corpus.index_doc.at(("jurisdiction", "coverage"), message)])
    raise InputError([Problem(display_path(corpus.path / INDEX), 1, 1, message)])


def _default_date(corpus: Corpus) -> dt.date:
    raw = corpus.index.jurisdiction.as_of
    return dt.date(int(raw), 12, 31) if len(raw) == 4 else dt.date.fromisoformat(raw)


def looks_like_path(jurisdiction: str) -> bool:
    """A value naming a folder rather than a code: it has a separator or starts with '.' or '~'."""
    return "/" in jurisdiction or "\\" in jurisdiction or jurisdiction.startswith((".", "~"))
