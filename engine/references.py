"""Cross-references inside a jurisdiction: defined terms, populations, treaties.

Each reference that does not resolve is a located problem naming what is
defined and the closest match.
"""

from typing import TYPE_CHECKING

from gapcheck import messages
from gapcheck.dates import precision_pair
from gapcheck.errors import Problem
from gapcheck.models import JurisdictionFile, Term
from gapcheck.yamlsrc import YamlDoc

if TYPE_CHECKING:
    from gapcheck.load import LoadedInstrument


def check(
    index_doc: YamlDoc, index: JurisdictionFile, instruments: "tuple[LoadedInstrument, ...]", standard_ids: list[str]
) -> list[Problem]:
    """Every unresolved reference of a jurisdiction."""
    out = _terms(index_doc, index.terms, ("terms",))
    populations = [p.id for p in index.jurisdiction.populations]
    shared = [t.term for t in index.terms]
    for inst in instruments:
        out += [inst.at(loc, msg) for loc, msg in _term_problems(inst.model.terms, ("terms",))]
        defined = sorted({*shared, *(t.term for t in inst.model.terms)})
        for p, prov in enumerate(inst.model.provisions):
            for v, version in enumerate(prov.versions):
                at = ("provisions", p, "versions", v)
                for o, off in enumerate(version.offences):
                    term = off.victim.term if off.victim else None
                    if term is not None and term not in defined:
                        out.append(
                            inst.at(
                                (*at, "offences", o, "victim", "term"),
                                f"'{term}' is not a defined term{messages.suggest(term, defined)}; defined: "
                                f"{', '.join(defined) or 'none'} (define it under `terms` in this file "
                                f"or in _jurisdiction.yaml)",
                            )
                        )
                for t, thr in enumerate(version.thresholds):
                    if thr.population is not None and thr.population not in populations:
                        out.append(
                            inst.at(
                                (*at, "thresholds", t, "population"),
                                f"unknown population '{thr.population}'"
                                f"{messages.suggest(thr.population, populations)}; declared: "
                                f"{', '.join(populations) or 'none'} (declare it under "
                                f"jurisdiction.populations in _jurisdiction.yaml)",
                            )
                        )
    seen: set[str] = set()
    for n, treaty in enumerate(index.treaties):
        if standard_ids and treaty.instrument not in standard_ids:
            out.append(
                index_doc.at(
                    ("treaties", n, "instrument"),
                    f"unknown instrument '{treaty.instrument}'{messages.suggest(treaty.instrument, standard_ids)}; "
                    f"instruments are the file names under standards/: {', '.join(standard_ids)}",
                )
            )
        if treaty.instrument in seen:
            out.append(
                index_doc.at(
                    ("treaties", n, "instrument"),
                    f"'{treaty.instrument}' is listed twice: put all its events in one entry",
                )
            )
        seen.add(treaty.instrument)
    return out


def _terms(doc: YamlDoc, terms: list[Term], at: tuple[int | str, ...]) -> list[Problem]:
    return [doc.at(loc, msg) for loc, msg in _term_problems(terms, at)]


def _term_problems(terms: list[Term], at: tuple[int | str, ...]) -> list[tuple[tuple[int | str, ...], str]]:
    out: list[tuple[tuple[int | str, ...], str]] = []
    names: list[str] = []
    for n, term in enumerate(terms):
        if term.term in names:
            out.append(
                ((*at, n, "term"), f"term '{term.term}' is defined twice: give it one entry with dated meanings")
            )
        names.append(term.term)
        for m, (old, new) in enumerate(zip(term.meanings, term.meanings[1:], strict=False)):
            if old.valid_until is None or new.valid_from is None:
                out.append(
                    (
                        (*at, n, "meanings", m + 1),
                        f"meanings of '{term.term}' follow each other: give meanings[{m}] a valid_until "
                        f"and meanings[{m + 1}] a valid_from",
                    )
                )
            elif precision_pair(new.valid_from) < precision_pair(old.valid_until):
                out.append(
                    (
                        (*at, n, "meanings", m + 1, "valid_from"),
                        f"meanings of '{term.term}' overlap: {new.valid_from} is before {old.valid_until}",
                    )
                )
    return out
