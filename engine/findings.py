"""Findings: one per requirement, as the rules concluded them, with the standard's metadata."""

from pydantic import BaseModel, ConfigDict

from gapcheck.errors import InferenceError
from gapcheck.host import Fact
from gapcheck.load import Corpus, Standards
from gapcheck.standard import Benchmark
from gapcheck.vocab import Binding, Status


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
    article: str | None
    heading: str


class BindingRef(BaseModel):
    """Whether one instrument a requirement rests on binds the jurisdiction on the analysis date."""

    model_config = ConfigDict(frozen=True)
    instrument: str
    status: Binding
    since: str | None
    why: str
    reservations: list[str]
    source: str


class Finding(BaseModel):
    """The status of one requirement, explained and cited."""

    model_config = ConfigDict(frozen=True)
    requirement: str
    status: Status
    theme: str
    title: str
    standards: list[Cited]
    recommendations: list[str]
    binds: str = "unknown"
    binding: list[BindingRef] = []
    benchmark: str | None
    provisions: list[ProvisionRef]
    explanation: list[str]


def collect(
    session: list[Fact],
    standards: Standards,
    titles: dict[str, tuple[str | None, str]],
    corpus: Corpus | None = None,
) -> list[Finding]:
    """The findings of one session, sorted by requirement id; exactly one per requirement.

    `titles` maps provision ids to (article, heading): statute text stays out of the
    rule engine's facts and is joined back here for the reader. Recommendations
    and citations of a country report addressed to another state are left out:
    they belong to that state; the jurisdiction's own recommendations are added.
    """
    code = corpus.code if corpus else None
    own: dict[str, list[str]] = {}
    for rec in corpus.index.recommendations if corpus else []:
        for rid in rec.requirements:
            own.setdefault(rid, []).append(rec.cite)
    concluded: dict[str, Fact] = {}
    binding: dict[str, Fact] = {}
    for f in session:
        if f.get("kind") == "binding":
            binding[f["req"]] = f
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
        b = binding.get(rid, {"binds": "unknown", "instruments": []})

        def ours(addressee: str | None) -> bool:
            return addressee is None or addressee == code

        out.append(
            Finding(
                requirement=rid,
                status=Status(f["status"]),
                theme=str(req.theme),
                title=req.title,
                standards=[
                    Cited(instrument=standards.files[s.instrument].instrument.short, pinpoint=s.pinpoint)
                    for s in req.sources
                    if ours(standards.files[s.instrument].instrument.addressed_to)
                ],
                recommendations=list(
                    dict.fromkeys(
                        [*(r for r in req.recommendations if ours(standards.addressee(r))), *own.get(rid, [])]
                    )
                ),
                binds=b["binds"],
                binding=[
                    BindingRef(
                        instrument=i["short"],
                        status=Binding(i["status"]),
                        since=i["since"],
                        why=i["why"],
                        reservations=i["reservations"],
                        source=i["source"],
                    )
                    for i in b["instruments"]
                    if ours(standards.files[i["instrument"]].instrument.addressed_to)
                ],
                benchmark=_benchmark(req.benchmark) if req.benchmark else None,
                provisions=[
                    ProvisionRef(**p, article=titles[p["id"]][0], heading=titles[p["id"]][1]) for p in f["provisions"]
                ],
                explanation=f["explanation"],
            )
        )
    return out


def _benchmark(b: Benchmark) -> str:
    """The benchmark as printed: value, source, tag, and where the standards differ, which one it follows."""
    return f"{b.value} ({b.source}) [{b.tag}]" + (f" {b.note}" if b.note else "")
