"""Findings: one per requirement, as the rules concluded them, with the standard's metadata."""

from pydantic import BaseModel, ConfigDict, Field

from gapcheck.errors import InferenceError
from gapcheck.host import Fact
from gapcheck.load import Standards
from gapcheck.standard import Benchmark
from gapcheck.vocab import Provenance, Status


class Cited(BaseModel):
    """An instrument and a pinpoint in it."""

    model_config = ConfigDict(frozen=True)
    instrument: str
    pinpoint: str


class ProvisionRef(BaseModel):
    """A provision the rules considered, its role in the finding and why."""

    model_config = ConfigDict(frozen=True)
    id: str
    role: str
    reason: str
    source: str
    provenance: Provenance = Provenance.stated
    article: str | None
    heading: str


class Outcome(BaseModel):
    """A finding's status under some readings of contested facts, and the reasons under the first of them."""

    model_config = ConfigDict(frozen=True)
    status: Status
    when: list[str] = Field(description="the alternatives (and their sources) under which this status holds")
    readings: list[list[str]] = Field(description="the reading names of each combination giving this status")
    explanation: list[str]


class Finding(BaseModel):
    """The status of one requirement, explained and cited."""

    model_config = ConfigDict(frozen=True)
    requirement: str
    status: Status
    theme: str
    title: str
    standards: list[Cited]
    recommendations: list[str]
    benchmark: str | None
    provisions: list[ProvisionRef]
    explanation: list[str]
    grounds: list[Provenance] = Field(
        default_factory=list, description="secondary or inferred facts this finding rests on, if any"
    )
    readings: list[Outcome] = Field(
        default_factory=list, description="when the status depends on contested facts: each status and its readings"
    )

    @property
    def depends(self) -> bool:
        """Whether the status differs between readings of contested facts."""
        return len(self.readings) > 1

    def status_under(self, reading: str) -> list[Status]:
        """The statuses of the readings that include `reading` (every status if it is not among them)."""
        hit = [o.status for o in self.readings if any(reading in combo for combo in o.readings)]
        return hit or ([o.status for o in self.readings] if self.readings else [self.status])

    @property
    def shown(self) -> str:
        """The status as a cell shows it: the range ("gap/met") when it depends on the reading."""
        return "/".join(s.value for s in self.statuses()) if self.depends else self.status.value

    def statuses(self) -> list[Status]:
        """Every status the finding has under some reading, least favourable first."""
        return [o.status for o in self.readings] if self.readings else [self.status]


def collect(session: list[Fact], standards: Standards, titles: dict[str, tuple[str | None, str]]) -> list[Finding]:
    """The findings of one session, sorted by requirement id; exactly one per requirement.

    `titles` maps provision ids to (article, heading): statute text stays out of the
    rule engine's facts and is joined back here for the reader.
    """
    concluded: dict[str, Fact] = {}
    for f in session:
        if f.get("kind") != "finding":
            continue
        if f["req"] in concluded:
            raise InferenceError(f"two findings for {f['req']}: the rules contradict themselves")
        concluded[f["req"]] = f
    missing = sorted(set(standards.requirements) - set(concluded))
    if missing:
        raise InferenceError(f"no rule concluded on: {', '.join(missing)}")
    out = []
    for rid, req in standards.requirements.items():
        f = concluded[rid]
        refs = [ProvisionRef(**p, article=titles[p["id"]][0], heading=titles[p["id"]][1]) for p in f["provisions"]]
        out.append(
            Finding(
                requirement=rid,
                status=Status(f["status"]),
                theme=str(req.theme),
                title=req.title,
                standards=[
                    Cited(instrument=standards.files[s.instrument].instrument.short, pinpoint=s.pinpoint)
                    for s in req.sources
                ],
                recommendations=req.recommendations,
                benchmark=_benchmark(req.benchmark) if req.benchmark else None,
                provisions=refs,
                explanation=f["explanation"],
                grounds=grounds(refs),
            )
        )
    return out


def grounds(refs: list[ProvisionRef]) -> list[Provenance]:
    """The non-stated provenances among the provisions a finding relies on (not those merely considered)."""
    found = {r.provenance for r in refs if r.role != "considered"}
    return [p for p in (Provenance.secondary, Provenance.inferred) if p in found]


def _benchmark(b: Benchmark) -> str:
    """The benchmark as printed: value, source, tag, and where the standards differ, which one it follows."""
    return f"{b.value} ({b.source}) [{b.tag}]" + (f" {b.note}" if b.note else "")
