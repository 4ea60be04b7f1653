"""Every provision and offence in every jurisdiction folder cites a source with a pinpoint.

A pinpoint lets an analyst find the fact again: a paragraph (¶29), a section or article
(s. 10, ss. 17-18, art. 89), or, for a source with no internal numbering (a press report, a
country chapter of an annual report), its date. A reference law cites the requirement each
provision is drafted to satisfy.
"""

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest

from gapcheck.load import INDEX, Corpus, load_jurisdiction
from gapcheck.models import Offence, Source
from gapcheck.paths import STATUTES

MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
PINPOINT = re.compile(
    r"¶\s?\d"  # a paragraph
    r"|\b(s|ss|art|arts|para|paras)\.\s?\d"  # a section, article or paragraph number
    r"|\bsections?\s\d"
    rf"|\b\d{{1,2}} {MONTH} \d{{4}}\b"  # a dated document
    r"|\b(19|20)\d{2}\b"  # an edition year (an annual report's country chapter, a committee's yearly comment)
)
REFERENCE_PINPOINT = re.compile(r"\([a-z0-9*-]+(,|\)| …)")  # the requirement ids a reference provision satisfies

# Known facts without a pinpoint, owned by another corpus: each must still exist and still
# lack one, so the list cannot outlive the problem.
KNOWN_UNPINNED = {
    ("la", "la/penal-code-2005/unnumbered-no-csam-definition", "ICMEC/NCMEC legal summary for the Lao PDR")
}

FOLDERS = sorted(p.name for p in STATUTES.iterdir() if (p / INDEX).exists())


@cache
def _corpus(code: str) -> Corpus:
    return load_jurisdiction(STATUTES / code)


def _cited(code: str) -> Iterator[tuple[str, Source]]:
    for inst in _corpus(code).instruments:
        for prov in inst.model.provisions:
            where = f"{inst.id}/{prov.id}"
            yield where, prov.source
            for off in _offences(prov):
                yield f"{where} [{off.id}]", off.source


def _offences(provision: Any) -> list[Offence]:
    """A provision's offences, in every version where the data format has versions."""
    versions = getattr(provision, "versions", None)
    if versions is None:
        return list(provision.offences)
    return [off for version in versions for off in version.offences]


def _pinned(code: str, source: Source) -> bool:
    reference = _corpus(code).index.jurisdiction.reference
    return bool((REFERENCE_PINPOINT if reference else PINPOINT).search(source.cite))


def test_there_is_more_than_one_jurisdiction_to_check() -> None:
    assert {"la", "my", "model"} <= set(FOLDERS)


@pytest.mark.parametrize("code", FOLDERS)
def test_every_provision_and_offence_cites_a_source_with_a_pinpoint(code: str) -> None:
    unpinned = {
        (code, where, source.cite)
        for where, source in _cited(code)
        if not _pinned(code, source) and (code, where, source.cite) not in KNOWN_UNPINNED
    }
    assert not unpinned, f"sources without a pinpoint in statutes/{code}: {sorted(unpinned)}"


def test_known_unpinned_sources_are_still_there_and_still_unpinned() -> None:
    for code, where, cite in KNOWN_UNPINNED:
        found = [s for w, s in _cited(code) if w == where and s.cite == cite]
        assert found, f"{where} no longer cites {cite!r}: drop it from KNOWN_UNPINNED"
        assert not _pinned(code, found[0]), f"{where} now has a pinpoint: drop it from KNOWN_UNPINNED"


@pytest.mark.parametrize(
    "cite,pinned",
    [
        ("A/HRC/40/51/Add.1 ¶29", True),
        ("Act 792 s. 10 (text on mylaw.my)", True),
        ("Act 792 ss. 17-18 (headings)", True),
        ("FMT, 28 March 2017, on the Bill", True),
        ("US Department of State, Trafficking in Persons Report 2019 (Laos)", True),
        ("ICMEC/NCMEC legal summary for the Lao PDR", False),
        ("Act 792, arrangement of sections", False),
        ("the statute", False),
    ],
)
def test_what_counts_as_a_pinpoint(cite: str, pinned: bool) -> None:
    assert bool(PINPOINT.search(cite)) is pinned
