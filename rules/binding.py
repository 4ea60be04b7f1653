"""Whether the standards a requirement rests on bind the jurisdiction on the analysis date.

For each instrument the requirement cites: a treaty binds from the first
ratification, accession, succession, acceptance or approval on or before the
date, unless denounced since; a signature alone does not bind; a treaty the
jurisdiction's data does not mention is `not_recorded` (unknown, not assumed);
recommendations, guidance and model laws never bind. Reservations and
declarations in force on the date are carried with the instrument.
"""

from dataclasses import dataclass
from typing import Any

from durable.lang import c, m

from gapcheck.rules.base import Snapshot, batched, hand_out
from gapcheck.rules.facts import AnalysisFact, Fact, Kind, RequirementFact, TreatyFact
from gapcheck.rules.tree import say


@dataclass(frozen=True)
class BindingFact(Kind):
    """Whether a requirement's standards bind the jurisdiction on the analysis date, per instrument."""

    KIND = "binding"
    req: str
    binds: str  # yes, no, or unknown (a treaty whose status is not recorded)
    instruments: list[Fact]


BINDS = ("ratification", "accession", "succession", "acceptance", "approval")
BINDABLE = ("treaty", "regional_law")


def status(inst: Fact, treaty: TreatyFact | None, day: int) -> Fact:
    """The binding status of one instrument on `day` (yyyymmdd), with what it rests on."""
    out: Fact = {"instrument": inst["id"], "short": inst["short"], "since": None, "reservations": [], "source": ""}
    if inst["type"] not in BINDABLE:
        addressed = say("binding.addressed", to=inst["addressed_to"]) if inst["addressed_to"] else None
        return out | {
            "status": "not_a_treaty",
            "why": say("binding.not-a-treaty", type=inst["type"], addressed=addressed),
        }
    if treaty is None:
        return out | {"status": "not_recorded", "why": say("binding.not-recorded")}
    bound: Fact | None = None
    signed: Fact | None = None
    for event in sorted(treaty.events, key=lambda e: e["day"]):
        if event["day"] > day:
            break
        if event["act"] in BINDS and bound is None:
            bound = event
        elif event["act"] == "denunciation":
            bound = None
        elif event["act"] == "signature":
            signed = event
    kept = [
        r
        for r in [*treaty.reservations, *treaty.declarations]
        if r["day"] <= day and not (r["withdrawn"] and r["withdrawn"] <= day)
    ]
    notes = [
        say(
            "binding.reservation",
            pinpoint=say("binding.pinpoint", pinpoint=r["pinpoint"]) if r["pinpoint"] else None,
            text=r["text"],
            source=r["source"],
        )
        for r in kept
    ]
    if bound is not None:
        return out | {
            "status": "binding",
            "since": bound["date"],
            "reservations": notes,
            "source": bound["source"],
            "why": say("binding.bound", act=bound["act"], date=bound["date"]),
        }
    if signed is not None:
        return out | {
            "status": "signed",
            "since": signed["date"],
            "source": signed["source"],
            "why": say("binding.signed", date=signed["date"]),
        }
    return out | {
        "status": "not_party",
        "source": treaty.source or ", ".join(e["source"] for e in treaty.events),
        "why": say("binding.not-party"),
    }


def define() -> None:
    """Declare the binding rule in the current rule set."""

    @batched(c.t << (m.kind == "$evaluate"), c.req << (m.kind == "requirement"))
    def binding(ctx: Any, s: Snapshot, reqs: list[RequirementFact]) -> None:
        day = max((a.day for a in s.of(AnalysisFact)), default=0)  # 0: no analysis date, nothing binds yet
        treaties = {t.instrument: t for t in s.of(TreatyFact)}
        # an instrument's status, once per evaluation: most requirements cite the same few instruments (its
        # status is a function of its entry, the same in every requirement citing it, and of the session)
        known: dict[tuple[Any, ...], Fact] = {}
        for req in reqs:
            found = []
            for i in req.instruments:
                key = tuple(i.values())
                if key not in known:
                    known[key] = status(i, treaties.get(i["id"]), day)
                found.append(known[key])
            states = {f["status"] for f in found}
            binds = "yes" if "binding" in states else ("unknown" if "not_recorded" in states else "no")
            hand_out(ctx, BindingFact.fact(ref=f"binding:{req.req}", req=req.req, binds=binds, instruments=found))
