"""The requirements drawn from the OPSC Guidelines (CRC/C/156), decided on small synthetic laws.

No Lao data here: each case is a one-provision law of a test jurisdiction, so the
rule, not the corpus, is what is tested.
"""

import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gapcheck.workspace import Workspace
from tests.conftest import INDEX


def law(offences: str = "", measures: str = "") -> str:
    """One instrument with one provision holding the given offences and measures (YAML list items)."""
    body = "instrument:\n  title: Test Act\n  kind: law\n  adopted: 2000\n  source: test ¶1\nprovisions:\n"
    body += "  - id: art-1\n    article: '1'\n    heading: Test\n    source: test ¶1\n"
    if offences:
        body += "    offences:\n" + textwrap.indent(textwrap.dedent(offences), "      ")
    if measures:
        body += "    measures:\n" + textwrap.indent(textwrap.dedent(measures), "      ")
    return body


def finding(jurisdiction, workspace, rid: str, text: str, index: str = INDEX):  # type: ignore[no-untyped-def]
    folder = jurisdiction({"act.yaml": text}, index=index)
    ev = Workspace(folder.parent, workspace.standards).evaluate("tl").evaluation
    return next(f for f in ev.findings if f.requirement == rid)


ENGAGING = """\
- id: engaging
  conduct: [engage_in_prostitution]
  source: test ¶2
"""
ENGAGING_ADULTS = ENGAGING + "  elements: [adult_offender_only]\n"


def exemption(status: str) -> str:
    return f"- kind: non_punishment_child_prostitution\n  status: {status}\n  source: test ¶3\n"


@pytest.mark.parametrize(
    "offences,measures,expected",
    [
        (ENGAGING, "", "gap"),  # the offence reaches child victims
        (ENGAGING, exemption("explicit"), "met"),  # an explicit exemption takes them out
        (ENGAGING_ADULTS, "", "met"),  # only adults are punished
        (ENGAGING, exemption("de_facto"), "partial"),
        ("", exemption("none"), "gap"),  # the source says there is no exemption
        ("", exemption("explicit"), "met"),
        ("", "", "unknown"),  # nothing known: open world
    ],
)
def test_non_punishment_of_children_in_prostitution(
    jurisdiction, workspace, offences: str, measures: str, expected: str
) -> None:  # type: ignore[no-untyped-def]
    f = finding(jurisdiction, workspace, "non-punishment-child-prostitution", law(offences, measures))
    assert f.status.value == expected, f.explanation


def test_the_punishing_offence_is_named_as_falling_short(jurisdiction, workspace) -> None:  # type: ignore[no-untyped-def]
    f = finding(jurisdiction, workspace, "non-punishment-child-prostitution", law(ENGAGING))
    assert [(p.id, p.role) for p in f.provisions] == [("tl/act/art-1", "falls short")]
    assert "test ¶2" in " ".join(f.explanation)


def test_non_punishment_without_evidence_is_a_gap_in_a_closed_world(jurisdiction, workspace) -> None:  # type: ignore[no-untyped-def]
    index = INDEX + "complete:\n  - themes: [victims]\n    source: test ¶9\n"
    f = finding(jurisdiction, workspace, "non-punishment-child-prostitution", law(), index)
    assert f.status.value == "gap" and "test ¶9" in " ".join(f.explanation)


@pytest.mark.parametrize(
    "rid,kind",
    [
        ("non-punishment-child-depicted", "non_punishment_child_depicted"),
        ("non-punishment-self-generated", "non_punishment_self_generated"),
        ("csam-virtual-material", "csam_definition_virtual"),
        ("limitation-from-majority", "limitation_from_majority"),
        ("jurisdiction-no-double-criminality", "jurisdiction_without_double_criminality"),
    ],
)
@pytest.mark.parametrize("status,expected", [("explicit", "met"), ("partial", "partial"), ("none", "gap")])
def test_measure_requirements(jurisdiction, workspace, rid: str, kind: str, status: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    measure = f"- kind: {kind}\n  status: {status}\n  source: test ¶3\n"
    assert finding(jurisdiction, workspace, rid, law(measures=measure)).status.value == expected


def test_a_general_csam_definition_does_not_reach_virtual_material(jurisdiction, workspace) -> None:  # type: ignore[no-untyped-def]
    measure = "- kind: csam_definition\n  source: test ¶3\n"
    assert finding(jurisdiction, workspace, "csam-virtual-material", law(measures=measure)).status.value == "unknown"


@pytest.mark.parametrize(
    "victim,expected",
    [("{age_from: 0, age_below: 18}", "met"), ("{age_from: 0, age_below: 16}", "partial")],
)
def test_sexual_extortion_must_protect_every_child(jurisdiction, workspace, victim: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    offence = (
        f"- id: sextortion\n  conduct: [sexual_extortion]\n  victim: {victim}\n"
        "  child_specific: true\n  source: test ¶2\n"
    )
    assert finding(jurisdiction, workspace, "sexual-extortion", law(offence)).status.value == expected


@pytest.mark.parametrize(
    "rid,conduct,purpose,label,expected",
    [
        ("sale-for-marriage", "sell_child", "[marriage]", "offence", "met"),
        ("sale-for-marriage", "sell_child", "[any]", "offence", "met"),
        ("sale-for-marriage", "traffic_child", "[marriage]", "trafficking", "partial"),
        ("sale-for-marriage", "sell_child", "[sexual_exploitation]", "offence", "unknown"),
        ("sale-through-illegal-adoption", "sell_child", "[adoption]", "offence", "met"),
        ("sale-through-illegal-adoption", "offer_child", "[marriage]", "offence", "unknown"),
    ],
)
def test_sale_in_all_its_forms(jurisdiction, workspace, rid, conduct, purpose, label, expected) -> None:  # type: ignore[no-untyped-def]
    offence = (
        f"- id: sale\n  conduct: [{conduct}]\n  purpose: {purpose}\n  label: {label}\n"
        "  victim: {age_from: 0, age_below: 18}\n  child_specific: true\n  source: test ¶2\n"
    )
    assert finding(jurisdiction, workspace, rid, law(offence)).status.value == expected


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(adults_only=st.lists(st.booleans(), min_size=1, max_size=4), exempt=st.booleans())
def test_children_are_unpunished_exactly_when_exempt_or_only_adults_are_reached(
    jurisdiction, workspace, adults_only: list[bool], exempt: bool
) -> None:  # type: ignore[no-untyped-def]
    offences = "".join(
        f"- id: engaging-{n}\n  conduct: [engage_in_prostitution]\n  source: test ¶2\n"
        + ("  elements: [adult_offender_only]\n" if adult else "")
        for n, adult in enumerate(adults_only)
    )
    f = finding(
        jurisdiction,
        workspace,
        "non-punishment-child-prostitution",
        law(offences, exemption("explicit") if exempt else ""),
    )
    assert f.status.value == ("met" if exempt or all(adults_only) else "gap")
