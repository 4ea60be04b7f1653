"""What every verdict shares: reading an absence."""

import pytest
from rulefacts import complete, coverage_requirement, decide, unknown

from gapcheck.rules.terms import Status


@pytest.mark.parametrize(
    "declared,status,words",
    [
        ([complete(requirements=["r"])], Status.gap, "declared complete for this requirement"),
        ([complete(themes=["csam"])], Status.gap, "declared complete for this theme"),
        ([complete(themes=["csam"]), unknown(themes=["csam"])], Status.unknown, "the source says it is not known"),
        ([unknown(scope="application", requirements=["r"])], Status.unknown, "not declared complete"),
        ([], Status.unknown, "the law may say more"),
    ],
)
def test_absence_reads_the_closed_and_open_world(declared, status, words) -> None:  # type: ignore[no-untyped-def]
    found = decide([*coverage_requirement(), *declared])["r"]
    assert found.status is status and words in found.text()
