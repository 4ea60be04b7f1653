"""The suggestion as each finding of a report carries it: the changes that serve it and their verified effect.

`gapcheck report --suggest` runs `suggest` once for every gap and partial the
report shows, then tells each finding which changes of the one draft serve it,
the model wording of each offence written, the standards it follows and the
status the rules give it with the whole draft applied; or why nothing is
drafted. This is data (the report's JSON carries it as is); the report's
templates say it in words.
"""

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from gapcheck.diff import Direction
from gapcheck.findings import CheckOutput, Cited, Finding
from gapcheck.load import Standards
from gapcheck.suggest.edits import Edit
from gapcheck.suggest.render import model_text
from gapcheck.suggest.search import Suggestion
from gapcheck.suggest.steps import Cause, Step, because
from gapcheck.vocab import InstrumentType, Status

SAFE = (Direction.regressed, Direction.weakened, Direction.to_unknown)
Action = Literal["amend", "add", "extend_added"]
TITLE = "Suggested amendments (gapcheck suggest, for review by a lawyer)"


class ProvisionName(BaseModel):
    """A provision as a reader finds it: its instrument, article number and heading."""

    id: str
    instrument: str
    article: str | None
    heading: str


class SuggestedChange(BaseModel):
    """One change of the draft that serves a requirement: what it amends or adds, how, and its model wording."""

    action: Action = Field(
        description="amend a provision in force; add a new one; extend one this suggestion adds for another requirement"
    )
    provision: ProvisionName
    beside: ProvisionName | None = Field(description="for a new provision: the one it is placed after")
    steps: list[Step]
    wording: list[str] = Field(description="model wording of each offence written or rewritten, for review")


class SuggestedFix(BaseModel):
    """What the suggestion does for one gap or partial, and the status the rules give it with the draft."""

    requirement: str
    status: Status = Field(description="the status without the draft (the least favourable of the readings)")
    statuses: list[Status] = Field(description="its status under each reading of contested facts, without the draft")
    after: Status = Field(
        description="the status the rules give with the whole draft applied (the least favourable of the readings)"
    )
    closed: bool
    changes: list[SuggestedChange]
    standards: list[Cited] = Field(description="the standards the changes follow")
    model_laws: list[Cited] = Field(description="the model legislation they follow")
    cause: Cause | None = Field(description="why nothing is drafted (null: a change is suggested)")

    def why_not(self) -> str:
        """Why no change is suggested, in the catalogue's words, what is missing being set out above in the report."""
        return because(self.cause, above=True) if self.cause else ""


class SuggestionReport(BaseModel):
    """The one draft behind a report's suggestions, and what re-running the rules with it showed."""

    title: str
    fixes: list[SuggestedFix] = Field(description="one per gap and partial shown, by requirement id")
    changes: dict[str, int] = Field(description="requirements changed by the draft, per direction")
    safe: bool = Field(description="no requirement regressed, weakened or turned unknown, under any reading")
    contested: list[str] = Field(
        default_factory=list, description="contested facts under each of whose readings the draft was verified"
    )


class ReportOutput(CheckOutput):
    """The JSON of `gapcheck report`: the check output, and with `--suggest` the suggestion."""

    model_config = ConfigDict(title="gapcheck report output")
    suggestion: SuggestionReport | None = Field(None, description="present only with `gapcheck report --suggest`")


def report_output_schema() -> dict[str, Any]:
    """JSON Schema of the report's JSON, as published in docs/report-output.schema.json."""
    return ReportOutput.model_json_schema(mode="serialization")


def report_of(s: Suggestion | None, findings: list[Finding], standards: Standards) -> SuggestionReport:
    """Each targeted finding's part of the suggestion `s`, verified by its diff (None: nothing was targeted)."""
    if s is None:
        return SuggestionReport(title=TITLE, fixes=[], changes={d.value: 0 for d in Direction}, safe=True)
    after = {f.requirement: f.status for f in s.diff.amended.evaluation.findings} if s.diff else {}
    by_id = {f.requirement: f for f in findings}
    causes = {o.requirement: o.cause for o in s.open}
    model = {f.instrument.short for f in standards.files.values() if f.instrument.type is InstrumentType.model_law}
    fixes = []
    for rid in s.targets:
        f = by_id[rid]
        changes = _serving(s, rid)
        fixes.append(
            SuggestedFix(
                requirement=rid,
                status=f.status,
                statuses=f.statuses(),
                after=after.get(rid, f.status),
                closed=rid in s.closed,
                changes=changes,
                standards=[c for c in f.standards if c.instrument not in model],
                model_laws=[c for c in f.standards if c.instrument in model],
                cause=causes.get(rid),
            )
        )
    counts = s.diff.counts() if s.diff else {d.value: 0 for d in Direction}
    ways = [way for c in (s.diff.changes if s.diff else []) for way in (c.direction, *c.by_reading)]
    contested = s.diff.amended.evaluation.explored if s.diff else []
    return SuggestionReport(
        title=TITLE, fixes=fixes, changes=counts, safe=not any(w in SAFE for w in ways), contested=contested
    )


def _serving(s: Suggestion, rid: str) -> list[SuggestedChange]:
    """The changes written for `rid`; for one closed by changes written for others, those its finding now relies on."""
    own = [e for e in s.draft.values() if any(n.requirement == rid for n in e.reasons)]
    if not own and rid in s.closed and s.diff is not None:
        relied = {p for c in s.diff.changes if c.requirement == rid for p in c.provisions}
        own = [e for e in s.draft.values() if e.pid in relied]
    return [_change(s, e, rid) for e in sorted(own, key=lambda e: (e.verb != "replace", e.pid))]


def _change(s: Suggestion, e: Edit, rid: str) -> SuggestedChange:
    notes = [n for n in e.reasons if n.requirement == rid] or list(e.reasons)
    steps = list(dict.fromkeys(step for n in notes for step in n.steps))
    offences = {n.offence for n in notes}
    beside = next((st.ref for st in steps if st.kind == "new_offence"), None)
    action: Action = "amend" if e.verb == "replace" else "add" if beside else "extend_added"
    return SuggestedChange(
        action=action,
        provision=_name(e.pid, e.provision.article, e.provision.heading),
        beside=_beside(s, beside) if beside else None,
        steps=[st for st in steps if st.kind != "new_offence"],
        wording=[model_text(o) for o in e.text.offences if o.id in offences and o.id in e.changed],
    )


def _beside(s: Suggestion, pid: str) -> ProvisionName:
    """The provision a new one follows, named as in the law the suggestion started from."""
    inst, _, local = pid.rpartition("/")
    corpus = s.diff.baseline.corpus if s.diff else None
    found = [
        p for i in (corpus.instruments if corpus else ()) if i.id == inst for p in i.model.provisions if p.id == local
    ]
    if found:
        return _name(pid, found[0].article, found[0].heading)
    edit = s.draft[pid]  # placed beside another suggested provision
    return _name(pid, edit.provision.article, edit.provision.heading)


def _name(pid: str, article: str | None, heading: str | None) -> ProvisionName:
    return ProvisionName(id=pid, instrument=pid.rpartition("/")[0], article=article, heading=heading or "")
