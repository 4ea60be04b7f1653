"""The Lao findings on the requirements drawn from the OPSC Guidelines, each with the source it rests on.

Where the report says nothing, the finding is `unknown` and says why; a `gap`
names the paragraph that grounds it.
"""

import pytest

from gapcheck.evaluate import Evaluation

# (requirement, status, a source or reason the explanation must name, why)
PINNED = [
    (
        "non-punishment-child-prostitution",
        "gap",
        "A/HRC/40/51/Add.1 ¶28",
        "PC art 131 criminalizes engaging in prostitution",
    ),
    ("non-punishment-child-depicted", "unknown", "not declared complete", "the report does not address it"),
    ("non-punishment-self-generated", "unknown", "not declared complete", "the report does not address it"),
    ("csam-virtual-material", "gap", "A/HRC/40/51/Add.1 ¶29", "¶29 reviewed the CSAM laws: no definition reaches it"),
    (
        "sexual-extortion",
        "gap",
        "A/HRC/40/51/Add.1 ¶29",
        "¶29: no legislation on the use of the Internet against children",
    ),
    ("limitation-from-majority", "unknown", "not declared complete", "the report does not address limitation"),
    ("jurisdiction-no-double-criminality", "unknown", "not declared complete", "the report does not state the law"),
    (
        "sale-for-marriage",
        "unknown",
        "A/HRC/40/51/Add.1 ¶30",
        "sale within trafficking (¶30) names no marriage purpose",
    ),
    ("sale-through-illegal-adoption", "unknown", "A/HRC/40/51/Add.1 ¶30", "sale within trafficking names no adoption"),
]


def _finding(lao: Evaluation, rid: str):  # type: ignore[no-untyped-def]
    return next(f for f in lao.findings if f.requirement == rid)


@pytest.mark.parametrize("rid,status,grounds,why", PINNED, ids=[p[0] for p in PINNED])
def test_lao_finding_and_its_grounds(lao, rid: str, status: str, grounds: str, why: str) -> None:  # type: ignore[no-untyped-def]
    f = _finding(lao, rid)
    assert f.status.value == status, f"{rid}: {why}"
    assert grounds in " ".join(f.explanation), f"{rid}: the explanation must name {grounds!r}"


def test_art_131_is_blamed_for_punishing_children_in_prostitution(lao) -> None:  # type: ignore[no-untyped-def]
    f = _finding(lao, "non-punishment-child-prostitution")
    assert ("la/penal-code-2005/art-131", "falls short") in {(p.id, p.role) for p in f.provisions}


def test_sale_for_marriage_answers_the_report_paragraph_on_girls_sold_for_marriage(workspace) -> None:  # type: ignore[no-untyped-def]
    req = workspace.standards.requirements["sale-for-marriage"]
    assert "A/HRC/40/51/Add.1 ¶15" in req.report_paragraphs
