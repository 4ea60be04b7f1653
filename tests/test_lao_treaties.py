"""The Lao PDR's treaty status: a finding binds exactly when a standard it rests on is recorded as binding.

Expectations come from the data (statutes/la/_jurisdiction.yaml and standards/), never
from a list of requirements: a new requirement or a new treaty record must not break them.
"""

import datetime as dt

import pytest

from gapcheck.dates import precision_pair
from gapcheck.evaluate import Evaluation
from gapcheck.findings import Finding
from gapcheck.vocab import BINDING_ACTS, InstrumentType, TreatyAct
from gapcheck.workspace import Workspace

BINDABLE = (InstrumentType.treaty, InstrumentType.regional_law)
Day = tuple[int, int, int]


def _recorded(workspace: Workspace) -> dict[str, Day | None]:
    """Each recorded instrument's short name -> its first binding day, or None for a stated non-party."""
    corpus, _ = workspace.corpus("la")
    files = workspace.standards.files
    found: dict[str, Day | None] = {}
    for treaty in corpus.index.treaties:
        assert all(e.act is not TreatyAct.denunciation for e in treaty.events), "the expectations assume none"
        days = [precision_pair(e.date) for e in treaty.events if e.act in BINDING_ACTS]
        found[files[treaty.instrument].instrument.short] = min(days) if days else None
    return found


def _types(workspace: Workspace) -> dict[str, InstrumentType]:
    return {f.instrument.short: f.instrument.type for f in workspace.standards.files.values()}


def _expected(finding: Finding, recorded: dict[str, Day | None], types: dict[str, InstrumentType], on: dt.date) -> str:
    today = (on.year, on.month, on.day)
    states = []
    for b in finding.binding:
        if types[b.instrument] not in BINDABLE:
            states.append("not_a_treaty")
        elif b.instrument not in recorded:
            states.append("not_recorded")
        else:
            since = recorded[b.instrument]
            states.append("binding" if since is not None and since <= today else "not_party")
    assert [b.status.value for b in finding.binding] == states, finding.requirement
    return "yes" if "binding" in states else ("unknown" if "not_recorded" in states else "no")


def test_each_finding_binds_when_a_recorded_treaty_binds(lao: Evaluation, workspace: Workspace) -> None:
    recorded, types = _recorded(workspace), _types(workspace)
    for f in lao.findings:
        assert f.binds == _expected(f, recorded, types, lao.as_of), f.requirement
    # the treaties the report names (¶26) and those the secondary sources date bind on the visit's last day
    binding = {b.instrument for f in lao.findings for b in f.binding if b.status.value == "binding"}
    assert {"CRC", "CEDAW", "OPSC", "Palermo Protocol", "UNTOC", "ILO C138", "ILO C182"} <= binding


def test_only_unrecorded_treaties_leave_a_finding_unknown(lao: Evaluation, workspace: Workspace) -> None:
    recorded, types = _recorded(workspace), _types(workspace)
    for f in lao.findings:
        if f.binds == "unknown":
            assert any(b.instrument not in recorded and types[b.instrument] in BINDABLE for b in f.binding)
            assert not any(b.status.value == "binding" for b in f.binding), f.requirement


def test_a_year_only_date_binds_from_the_first_day_of_that_year(workspace: Workspace) -> None:
    """The OPSC's accession is known to the year: it binds from 1 January of it, not before."""
    since = _recorded(workspace)["OPSC"]
    assert since is not None
    year = since[0]

    def opsc_status(on: dt.date) -> set[str]:
        run = workspace.evaluate("la", on)
        return {b.status.value for f in run.evaluation.findings for b in f.binding if b.instrument == "OPSC"}

    assert opsc_status(dt.date(year - 1, 12, 31)) == {"not_party"}
    assert opsc_status(dt.date(year, 1, 1)) == {"binding"}


@pytest.mark.parametrize("code", ["la", "my"])
def test_the_crc_committee_guidelines_never_bind(workspace: Workspace, code: str) -> None:
    """CRC/C/156 is the Committee's reading of the OPSC (guidance), not a treaty a state could join."""
    findings = workspace.evaluate(code).evaluation.findings
    cited = [b for f in findings for b in f.binding if b.instrument == "CRC/C/156"]
    assert cited and all(b.status.value == "not_a_treaty" for b in cited)
