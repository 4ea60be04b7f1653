"""Edits of one offence that answer a coverage test's parameters: the smallest repair of a close offence.

Each edit is named, so the draft can say in words what changed and why.
"""

from gapcheck.models import Offence, Penalty, Victim
from gapcheck.standard import CoverageTest
from gapcheck.suggest.steps import Step, duration
from gapcheck.vocab import Label, Sex


def repair(off: Offence, test: CoverageTest) -> tuple[Offence, list[Step]]:
    """The offence amended to pass every aspect the test checks, and the edits made (empty: nothing to change)."""
    update: dict[str, object] = {}
    said: list[Step] = []
    conducts = list(off.conduct)
    for group in test.groups:
        if not set(group) & set(conducts):
            conducts.append(group[0])
            said.append(Step(kind="add_conduct", terms=(str(group[0]),)))
    if conducts != off.conduct:
        update["conduct"] = conducts
    if off.object not in test.objects:
        update["object"] = test.objects[0]
        said.append(Step(kind="extend_object", terms=(str(test.objects[0]),)))
    purposes = [str(p) for p in off.purpose]
    if test.purpose_unrestricted and "any" not in purposes:
        update["purpose"] = ["any"]
        said.append(Step(kind="any_purpose"))
    elif test.purposes and "any" not in purposes and not set(purposes) & {str(p) for p in test.purposes}:
        update["purpose"] = [*off.purpose, test.purposes[0]]
        said.append(Step(kind="add_purpose", terms=(str(test.purposes[0]),)))
    drop = set(test.partial_elements) | set(test.excluded_elements)
    elements = [e for e in off.elements if e not in drop]
    elements += [e for e in test.required_elements if e not in elements]
    if elements != off.elements:
        update["elements"] = elements
        said += [Step(kind="drop_element", terms=(str(e),)) for e in off.elements if e in drop]
        said += [Step(kind="add_element", terms=(str(e),)) for e in test.required_elements if e not in off.elements]
    if off.label in test.partial_labels:
        update["label"] = Label.offence
        said.append(Step(kind="own_offence", terms=(str(off.label),)))
    means = [*off.means, *(m for m in test.means if m not in off.means)]
    if means != off.means:
        update["means"] = means
        said.append(Step(kind="add_means", terms=tuple(str(m) for m in test.means if m not in off.means)))
    victim = _victim(off, test, said)
    if victim != off.victim:
        update["victim"] = victim
    penalty = _penalty(off, test, said)
    if penalty != off.penalty:
        update["penalty"] = penalty
    if not update:
        return off, []
    return off.model_copy(update=update), said


def _victim(off: Offence, test: CoverageTest, said: list[Step]) -> Victim | None:
    victim = off.victim
    if test.sex_neutral and victim is not None and victim.sex != Sex.any:
        victim = victim.model_copy(update={"sex": Sex.any})
        said.append(Step(kind="sex_neutral"))
    if test.victim_ages is None:
        return victim
    lo, hi = test.victim_ages
    if victim is None:
        if test.victim_age_limit_required or not off.child_specific:
            said.append(Step(kind="protect_band", ages=(lo, hi - 1)))
            return Victim(age_from=lo, age_below=hi, term=None)
        return None
    if victim.term is not None:
        return victim  # a defined term: its meaning is amended, not the offence
    start = min(victim.age_from, lo)
    below = None if victim.age_below is None else max(victim.age_below, hi)
    if (start, below) != (victim.age_from, victim.age_below):
        said.append(Step(kind="widen_band", ages=(lo, hi - 1)))
        return victim.model_copy(update={"age_from": start, "age_below": below})
    return victim


def _penalty(off: Offence, test: CoverageTest, said: list[Step]) -> Penalty | None:
    want = test.max_at_least
    if want is None:
        return off.penalty
    current = off.penalty or Penalty(fine=None, combination=None)
    if current.max is not None and current.max >= want:
        return off.penalty
    said.append(Step(kind="raise_penalty", months=want))
    low = current.min if current.min is not None and current.min <= want else None
    return current.model_copy(update={"min": low, "max": want})


def new_offence(test: CoverageTest, oid: str, source: str, penalty: int | None) -> Offence:
    """A new offence built from the test: every group's conducts, the required object, ages and means."""
    conducts = list(dict.fromkeys(c for group in test.groups for c in group))
    data: dict[str, object] = {
        "id": oid,
        "conduct": conducts,
        "object": test.objects[0],
        "child_specific": True,
        "elements": list(test.required_elements),
        "means": list(test.means),
        "source": source,
    }
    if test.purposes and not test.purpose_unrestricted:
        data["purpose"] = [test.purposes[0]]
    if test.victim_ages is not None:
        data["victim"] = {"age_from": test.victim_ages[0], "age_below": test.victim_ages[1]}
    if penalty is not None:
        data["penalty"] = {"max": duration(penalty)}
    return Offence.model_validate(data)
