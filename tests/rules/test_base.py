"""What every verdict shares: deriving facts safely, and reading an absence."""

from typing import Any

import pytest
from durable.engine import MessageObservedException
from rulefacts import complete, coverage_requirement, decide, unknown

from gapcheck.rules.base import derive
from gapcheck.rules.terms import Status


class _Colliding:
    """A rule context whose engine reports a duplicate for the first `n` ids it is given (a 32-bit hash collision)."""

    def __init__(self, n: int):
        self.n, self.asserted = n, []  # type: list[Any]

    def assert_fact(self, fact: dict[str, Any]) -> None:
        if self.n:
            self.n -= 1
            raise MessageObservedException(fact)
        self.asserted.append(fact)


def test_a_colliding_derived_fact_is_retried_with_a_salted_id() -> None:
    ctx = _Colliding(2)
    derive(ctx, {"ref": "x", "kind": "k"})
    assert ctx.asserted == [{"ref": "x", "kind": "k", "id": "x#2"}]


def test_a_fact_that_keeps_colliding_fails_loudly() -> None:
    with pytest.raises(RuntimeError, match="collides"):
        derive(_Colliding(4), {"ref": "x", "kind": "k"})


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
