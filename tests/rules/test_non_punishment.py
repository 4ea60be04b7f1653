"""Non-punishment: an exemption of child victims decides; else offences of their own conduct do."""

import pytest
from rulefacts import complete, decide, measure, non_punishment, offence

from gapcheck.rules.terms import Role, Status

KIND = "non_punishment_child_prostitution"
ENGAGING = offence("eng", "engage_in_prostitution", "child")
ADULTS = offence("adl", "engage_in_prostitution", "child", elements=["adult_offender_only"])


@pytest.mark.parametrize(
    "facts,status",
    [
        ([ENGAGING], Status.gap),
        ([ENGAGING, measure("ex", KIND)], Status.met),
        ([ADULTS], Status.met),
        ([ENGAGING, measure("ex", KIND, status="de_facto")], Status.partial),
        ([measure("ex", KIND, status="none")], Status.gap),
        ([ADULTS, measure("ex", KIND, status="none")], Status.gap),  # the exemption measure decides
        ([ADULTS, measure("ex", KIND)], Status.met),
        ([], Status.unknown),
    ],
)
def test_the_exemption_decides_else_the_offences(facts, status) -> None:  # type: ignore[no-untyped-def]
    assert decide([non_punishment(), *facts])["np"].status is status


def test_an_offence_reaching_children_is_blamed_and_what_is_missing_said() -> None:
    found = decide([non_punishment(), ENGAGING])["np"]
    (unmet,) = found.criteria.unmet()
    assert unmet.facts[0].role is Role.falls_short and "limitation to adults" in (unmet.missing or "")
    assert "No provision in the corpus provides for an exemption of children in prostitution" in found.text()


def test_an_explicit_exemption_takes_children_out_of_the_offences() -> None:
    found = decide([non_punishment(), ENGAGING, measure("ex", KIND)])["np"]
    assert "takes child victims out of the offences above" in found.text()


def test_nothing_known_in_a_closed_world_is_a_gap() -> None:
    assert decide([non_punishment(), complete(themes=["victims"])])["np"].status is Status.gap
