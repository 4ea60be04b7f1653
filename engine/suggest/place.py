"""Where a new provision goes: beside the comparable offence, under the next free article number."""

import re

from gapcheck.load import Corpus

SUFFIXES = ("bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies")


def taken(corpus: Corpus, instrument: str, extra: set[str]) -> set[str]:
    """Provision ids of an instrument, with those the draft adds."""
    inst = next(i for i in corpus.instruments if i.id == instrument)
    return {p.id for p in inst.model.provisions} | {
        p.rpartition("/")[2] for p in extra if p.startswith(instrument + "/")
    }


def next_article(base: str | None, used: set[str], slug: str) -> tuple[str | None, str]:
    """(article, provision id) after `base` ("86" -> "86 bis", then "86 ter"); unnumbered when there is no base.

    Sections take a capital letter, as Commonwealth statutes insert them: "s. 14" -> "s. 14A", then "s. 14B".
    """
    section = re.findall(r"\bs\.\s*(\d+)", base or "")
    if section:
        number = section[-1]
        for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
            pid = f"art-{number}{letter.lower()}"
            if pid not in used:
                return f"s. {number}{letter}", pid
    if base:
        root = re.sub(r"\s+(" + "|".join(SUFFIXES) + r")$", "", base.strip())
        for suffix in SUFFIXES:
            article = f"{root} {suffix}"
            pid = "art-" + re.sub(r"[^0-9a-z.]+", "-", article.lower()).strip("-")
            if pid not in used:
                return article, pid
    pid = f"unnumbered-suggested-{slug}"
    n = 2
    while pid in used:
        pid, n = f"unnumbered-suggested-{slug}-{n}", n + 1
    return None, pid
