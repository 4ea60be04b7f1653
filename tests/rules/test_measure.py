"""Measure verdicts: explicit is met, de facto or partial is partial, stated absent is a gap."""

import pytest
from rulefacts import complete, decide, measure, measure_req

from gapcheck.catalogue import LABELS
from gapcheck.rules.terms import Status


@pytest.mark.parametrize(
    "status,expected",
    [("explicit", Status.met), ("de_facto", Status.partial), ("partial", Status.partial), ("none", Status.gap)],
)
def test_the_measure_status_decides(status: str, expected: Status) -> None:
    assert decide([measure_req(), measure("m", status=status)])["r"].status is expected


def test_a_status_the_standard_does_not_accept_as_partial_is_a_gap() -> None:
    found = decide([measure_req(partial=[]), measure("m", status="de_facto")])["r"]
    assert found.status is Status.gap


def test_the_best_measure_decides() -> None:
    found = decide([measure_req(), measure("a", status="none"), measure("b", status="explicit")])["r"]
    assert found.status is Status.met


def test_missing_bases_make_it_partial() -> None:
    req = measure_req(measure="extraterritorial_jurisdiction", bases=["nationality"])
    found = decide([req, measure("m", "extraterritorial_jurisdiction", bases=["passive_personality"])])["r"]
    assert found.status is Status.partial and found.criteria.unmet()[0].missing.endswith("with the nationality basis")


def test_a_measure_stated_absent_cites_the_closed_world_too() -> None:
    found = decide([measure_req(), measure("m", status="none"), complete(["r"])])["r"]
    assert found.status is Status.gap and "declared complete" in found.text()
    open_world = decide([measure_req(), measure("m", status="none")])["r"]
    assert open_world.status is Status.gap and "declared complete" not in open_world.text()


def test_a_weaker_related_measure_alone_is_partial() -> None:
    req = measure_req(partial_kinds=["isp_blocking_power"])
    found = decide([req, measure("m", "isp_blocking_power")])["r"]
    assert found.status is Status.partial and "provides only for an ISP blocking power" in found.text()


def test_no_measure_is_absence() -> None:
    assert decide([measure_req()])["r"].status is Status.unknown


ELEMENTS = ["adapted_procedures", "information", "privacy"]


@pytest.mark.parametrize(
    "provided,expected",
    [(ELEMENTS, Status.met), (["information"], Status.partial), ([], Status.gap)],
    ids=["every element", "some elements", "none"],
)
def test_an_explicit_measure_is_judged_element_by_element(provided: list[str], expected: Status) -> None:
    req = measure_req(measure="child_friendly_procedure", elements=ELEMENTS)
    found = decide([req, measure("m", "child_friendly_procedure", elements=provided)])["r"]
    assert found.status is expected
    missing = [u.missing for u in found.criteria.unmet()]
    assert missing == [
        f"child-friendly procedure that provides for {LABELS['procedure_element'][e]}"
        for e in ELEMENTS
        if e not in provided
    ]
