"""Findings: one per requirement, as the rules concluded them, with their criteria and the standard's metadata."""

from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from gapcheck.errors import InferenceError
from gapcheck.host import Fact
from gapcheck.load import Corpus, Standards
from gapcheck.prose import Wording, wording
from gapcheck.rules.coverage import describe, graded, offence_id, offence_parts, offence_test
from gapcheck.rules.facts import OffenceFact
from gapcheck.rules.terms import Outcome, Quality, Role
from gapcheck.rules.tree import Combine
from gapcheck.rules.tree import Criterion as RuleCriterion
from gapcheck.standard import Benchmark, Requirement
from gapcheck.vocab import Binding, Provenance, Status


class Cited(BaseModel):
    """An instrument and a pinpoint in it."""

    model_config = ConfigDict(frozen=True, defer_build=True)
    instrument: str
    pinpoint: str


class Evidence(BaseModel):
    """A fact that decides a criterion: the provision (and offence), its source, and its role."""

    model_config = ConfigDict(frozen=True, defer_build=True)
    provision: str
    source: str
    role: Role
    offence: str | None
    conduct: str | None = Field(default=None, description="the conduct of the offence weighed, where one is")


class Said(BaseModel):
    """A criterion's sentences as the rules handed them out: message ids (gapcheck.catalogue) and arguments."""

    model_config = ConfigDict(frozen=True, json_schema_serialization_defaults_required=True, defer_build=True)
    test: dict[str, Any] = Field(description='{"msg": message id, **its arguments}')
    because: list[dict[str, Any]] = []
    missing: dict[str, Any] | None = None


class Criterion(BaseModel):
    """One node of a finding's justification tree (see docs/rules.md)."""

    # Facts leave empty fields out; the output always has them, and its schema says so.
    model_config = ConfigDict(frozen=True, json_schema_serialization_defaults_required=True, defer_build=True)
    id: str = Field(description="unique among its siblings")
    test: str = Field(description="what is tested, in words")
    outcome: Outcome
    because: list[str] = Field(default=[], description="why the outcome is what it is, with sources")
    missing: str | None = Field(default=None, description="what the law would need to contain; null when satisfied")
    facts: list[Evidence] = []
    combine: Combine | None = Field(
        default=None, description="how the children's outcomes give this one; null for a leaf"
    )
    children: list["Criterion"] = []
    said: Said | None = Field(
        default=None, description="test, because and missing as message ids and arguments, for translation and tools"
    )

    def walk(self) -> list["Criterion"]:
        """This criterion and every one below it, depth first."""
        return self._below(every=True)

    def grounds(self) -> list["Criterion"]:
        """The criteria whose grounds an explanation gives: a criterion that cites facts speaks for its children."""
        return self._below(every=False)

    def _below(self, every: bool) -> list["Criterion"]:
        """This criterion and those below it, depth first (`every`: else not below one that cites facts); one list,
        not one per level (every finding's explanation walks its tree)."""
        out: list[Criterion] = []
        todo = [self]
        while todo:
            node = todo.pop()
            out.append(node)
            if node.children and (every or not node.facts):
                todo += reversed(node.children)
        return out

    def unmet(self) -> list["Criterion"]:
        """The leaves that are not satisfied: why the requirement is not met."""
        return [c for c in self.walk() if not c.children and c.outcome is not Outcome.satisfied]


class ProvisionRef(BaseModel):
    """A provision the rules considered, its role in the finding and why."""

    model_config = ConfigDict(frozen=True, defer_build=True)
    id: str
    role: Role
    reason: str
    source: str
    provenance: Provenance = Provenance.stated
    article: str | None
    heading: str
    covers: list[str] = Field(default=[], description="the conducts it was weighed for in this role")


class ReadingOutcome(BaseModel):
    """A finding's status under some readings of contested facts, and the reasons under the first of them."""

    model_config = ConfigDict(frozen=True, defer_build=True)
    status: Status
    when: list[str] = Field(description="the alternatives (and their sources) under which this status holds")
    readings: list[list[str]] = Field(description="the reading names of each combination giving this status")
    explanation: list[str]


class BindingRef(BaseModel):
    """Whether one instrument a requirement rests on binds the jurisdiction on the analysis date."""

    model_config = ConfigDict(frozen=True, defer_build=True)
    instrument: str
    status: Binding
    since: str | None
    why: str
    reservations: list[str]
    source: str


class Finding(BaseModel):
    """The status of one requirement, explained and cited."""

    model_config = ConfigDict(frozen=True, defer_build=True)
    requirement: str
    status: Status
    theme: str
    title: str
    standards: list[Cited]
    recommendations: list[str]
    binds: str = "unknown"
    binding: list[BindingRef] = []
    benchmark: str | None
    criteria: Criterion
    provisions: list[ProvisionRef]
    explanation: list[str]
    notes: list[str] = Field(description="what the sources say is not known about this requirement")
    grounds: list[Provenance] = Field(
        default_factory=list, description="secondary or inferred facts this finding rests on, if any"
    )
    readings: list[ReadingOutcome] = Field(
        default_factory=list, description="when the status depends on contested facts: each status and its readings"
    )
    tree_reading: list[str] = Field(
        default_factory=list,
        description="the readings of contested facts whose criteria and explanation are shown (none explored: empty)",
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

    def brief(self) -> "Finding":
        """The finding as a matrix cell or an expectation reads it: status, title, explanation, binding,
        notes; the justification tree is cut to its root and the provisions list left empty (they are
        most of a finding's size, and what worker processes would otherwise send back)."""
        root = trusted(Criterion, {**self.criteria.__dict__, "facts": [], "children": []})
        return trusted(Finding, {**self.__dict__, "criteria": root, "provisions": []})


class Built:
    """The findings one evaluation has built, each with what it was built from, to build each only once.

    A finding is a function of its requirement, its finding and binding facts, the facts its tree
    refers to (`expand`), and the names the wording gives offences (`Wording.offences`): the rest
    (standards, titles, provenances, corpus) is the same for every session of one evaluation. The
    readings of contested facts mostly share findings: a session whose basis for a requirement equals
    an earlier session's gets that session's finding, the same object (so `merge` compares by identity
    first). Bases are compared by equality: fact fields are typed (gapcheck.rules.facts), so a value
    never stands as a bool in one session and an int in another. Sessions whose wordings are equal
    share one, with the sentences it has worded.
    """

    def __init__(self) -> None:
        self._found: dict[str, list[tuple[tuple[Any, ...], Finding]]] = {}
        self._wordings: list[Wording] = []

    def wording(self, words: Wording) -> Wording:
        """An earlier session's wording equal to this one, with what it has worded already; else this one."""
        same = next((w for w in self._wordings if w == words), None)
        if same is None:
            self._wordings.append(words)
        return same or words

    def get(self, rid: str, basis: tuple[Any, ...]) -> Finding | None:
        return next((finding for seen, finding in self._found.get(rid, ()) if seen == basis), None)

    def add(self, rid: str, basis: tuple[Any, ...], finding: Finding) -> Finding:
        self._found.setdefault(rid, []).append((basis, finding))
        return finding


# A session's facts by ref, those typed so far (gapcheck.rules.coverage.expand), and the aspects' criteria
# built so far for each requirement (gapcheck.rules.coverage.assess).
# Whether the wording is shared by the sessions of several readings (`Built`): then what is built is kept for them.
Session = tuple[dict[str, Fact], dict[str, Any], dict[str, dict[Any, Any]], bool]


def collect(
    session: list[Fact],
    standards: Standards,
    titles: dict[str, tuple[str | None, str]],
    corpus: Corpus | None = None,
    provenances: dict[str, Provenance] | None = None,
    built: Built | None = None,
) -> list[Finding]:
    """The findings of one session, sorted by requirement id; exactly one per requirement.

    `titles` maps provision ids to (article, heading): statute text stays out of the
    rule engine's facts and is joined back here for the reader; `provenances` maps
    source labels to their provenance (rules cite sources by label), so that each
    finding lists the secondary or inferred grounds it rests on. Recommendations
    and citations of a country report addressed to another state are left out:
    they belong to that state; the jurisdiction's own recommendations are added.
    `built`: the findings of the evaluation's earlier sessions, reused where their basis is the same.
    """
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
    by_ref = {str(f["ref"]): f for f in session if "ref" in f}
    words = wording(titles, session, {rid: r.title for rid, r in standards.requirements.items()}, corpus)
    # with the facts `expand` types, by ref, and aspects built (`stood_for`)
    facts: Session = (by_ref, {}, {}, built is not None)
    if built is not None:
        words = built.wording(words)
    out = []
    for rid, req in standards.requirements.items():
        f = concluded[rid]
        b = binding.get(rid, _UNBOUND)
        if built is None:
            out.append(_finding(rid, req, f, b, facts, words, standards, titles, corpus, provenances, own))
            continue
        basis = (f, b, [by_ref[ref] for ref in _referred(f["criteria"])], words.offences)
        out.append(
            built.get(rid, basis)
            or built.add(
                rid, basis, _finding(rid, req, f, b, facts, words, standards, titles, corpus, provenances, own)
            )
        )
    return out


_UNBOUND: Fact = {"binds": "unknown", "instruments": []}


def _referred(root: RuleCriterion) -> list[str]:
    """The refs of the facts a criterion's offence stubs refer to, which `justified` replaces by their criteria,
    depth first."""
    found: list[str] = []
    todo = [root]
    while todo:
        node = todo.pop()
        if node.expand is not None:
            found += node.expand
        elif node.children:
            todo += reversed(node.children)
    return found


def _finding(
    rid: str,
    req: Requirement,
    f: Fact,
    b: Fact,
    facts: Session,
    words: Wording,
    standards: Standards,
    titles: dict[str, tuple[str | None, str]],
    corpus: Corpus | None,
    provenances: dict[str, Provenance] | None,
    own: dict[str, list[str]],
) -> Finding:
    """One requirement's finding from its finding and binding facts."""
    code = corpus.code if corpus else None
    cited, recommendations, benchmark = _standing(standards, rid, req, code)
    why: dict[tuple[str, str], str] = {}
    cites: list[Cites] = []
    tree = justified(f["criteria"], words, why, cites, facts)
    notes = [words.say(n) for n in f["notes"]]
    refs = provisions(cites, titles, why, provenances or {})
    return trusted(
        Finding,
        {
            "requirement": rid,
            "status": _STATUSES.get(f["status"]) or Status(f["status"]),
            "theme": str(req.theme),
            "title": req.title,
            "standards": list(cited),
            "recommendations": list(dict.fromkeys([*recommendations, *own.get(rid, [])])),
            "binds": b["binds"],
            "binding": [
                _binding(i, words)
                for i in b["instruments"]
                if _ours(standards.files[i["instrument"]].instrument.addressed_to, code)
            ],
            "benchmark": benchmark,
            "criteria": tree,
            "provisions": refs,
            "explanation": explanation(tree, notes),
            "notes": notes,
            "grounds": grounds(refs),
            "readings": [],  # filled by gapcheck.merge when readings differ
            "tree_reading": [],
        },
    )


def _binding(instrument: dict[str, Any], words: Wording) -> BindingRef:
    """Whether an instrument binds, as the binding rule found it: built once per entry and wording (the rule hands
    the same entry to every requirement resting on that instrument), the entry kept so that its id is not reused."""
    key = ("binding", id(instrument))
    known = words.built.get(key)
    if known is None or known[0] is not instrument:
        i = instrument
        values = {
            "instrument": i["short"],
            "status": _BINDINGS.get(i["status"]) or Binding(i["status"]),
            "since": i["since"],
            "why": words.fragment(i["why"]),
            "reservations": [words.fragment(r) for r in i["reservations"]],
            "source": i["source"],
        }
        known = words.built[key] = (instrument, trusted(BindingRef, values))
    ref: BindingRef = known[1]
    return ref


def _ours(addressee: str | None, code: str | None) -> bool:
    """Whether a standard (or a recommendation) addressed to `addressee` belongs in a finding of jurisdiction `code`."""
    return addressee is None or addressee == code


# What a finding takes from its requirement alone, by (requirement, jurisdiction): for the last standards only.
_STANDING: list[tuple[Standards, dict[tuple[str, str | None], tuple[list[Cited], list[str], str | None]]]] = []


def _standing(
    standards: Standards, rid: str, req: Requirement, code: str | None
) -> tuple[list[Cited], list[str], str | None]:
    """The standards a finding cites and the recommendations it answers (those addressed to jurisdiction `code`
    or to none), and its benchmark in words: functions of the requirement alone, built once per loaded standards
    (identity, as gapcheck.facts.standards_facts: a loaded Standards is never changed) and jurisdiction."""
    if not _STANDING or _STANDING[0][0] is not standards:
        _STANDING[:] = [(standards, {})]
    known = _STANDING[0][1]
    found = known.get((rid, code))
    if found is None:
        files = standards.files
        cited = [
            trusted(Cited, {"instrument": files[s.instrument].instrument.short, "pinpoint": s.pinpoint})
            for s in req.sources
            if _ours(files[s.instrument].instrument.addressed_to, code)
        ]
        recommendations = [r for r in req.recommendations if _ours(standards.addressee(r), code)]
        found = known[(rid, code)] = (cited, recommendations, _benchmark(req.benchmark) if req.benchmark else None)
    return found


# The facts a criterion cites, with its grounds and its test (worded): what `provisions` reads.
Cites = tuple[list[Evidence], list[str], str]


def justified(
    c: RuleCriterion,
    words: Wording,
    why: dict[tuple[str, str], str],
    cites: list[Cites],
    session: Session | None = None,
) -> Criterion:
    """A justification tree from the criterion the rules concluded, its messages worded, built without validating it.

    Its offence stubs are expanded from the `session`'s facts (`_stood_for`). Validating each node through
    pydantic cost a third of an evaluation; the rules' criteria are typed (gapcheck.rules.tree), their enums
    already members. In the same pass, `why` gets the reason each (provision, role) the criteria cite is there:
    the first ground of its criterion that names its offence or provision, worded; a criterion before those
    below it, first found wins (a role is a StrEnum: the member and its value are one key). Each criterion's
    grounds are indexed once by the names among their arguments (testing every ground for every fact grew as N²
    in a criterion over N offences). `cites` gets the facts each criterion cites, depth first (`provisions`).
    tests/test_findings_build.py checks all of this against the plain definitions (`worded` of the criterion's
    data, its stubs expanded, then the tree and the reasons from that data).

    A leaf that cites no facts is a function of its fields and the words alone (it adds nothing to `why` or
    `cites`): built once per leaf of the rules and wording, and reused, the same object (an offence's aspects
    recur under each offence and requirement equal in what they read: gapcheck.rules.coverage.assess shares them).
    Leaves equal in content but built apart by the rules are worded apart: keying them by their content
    (a repr of their messages) cost more than wording the few that recur.
    """
    if c.expand is not None:
        if session is None:
            raise ValueError(f"criterion {c.id!r} stands for an offence's: the session's facts are needed")
        return _stood_for(c.expand, words, why, cites, session)
    if not c.facts and not c.children:
        same = words.same.get(id(c))  # an aspect shared by offences (gapcheck.rules.coverage.assess)
        if same is not None and same[0] is c:
            shared: Criterion = same[1]
            return shared
    test = words.fragment(c.test)
    because = [words.say(b) for b in c.because]
    if c.facts:
        if len(because) > 1:
            _reasons([(e.provision, e.role, e.offence or e.provision) for e in c.facts], c.because, because, why)
        else:
            _first_reason([(e.provision, e.role) for e in c.facts], because[0] if because else test, why)
        evidence = [_evidence(e.provision, e.source, e.role, e.offence, e.conduct) for e in c.facts]
        cites.append((evidence, because, test))
    else:
        evidence = []
    built = trusted(
        Criterion,
        {
            "id": c.id,
            "test": test,
            "outcome": c.outcome,
            "because": because,
            "missing": None if c.missing is None else words.fragment(c.missing),
            "facts": evidence,
            "combine": c.combine,
            "children": [justified(child, words, why, cites, session) for child in c.children] if c.children else [],
            "said": trusted(Said, {"test": c.test, "because": c.because, "missing": c.missing}),
        },
    )
    if not c.facts and not c.children:
        words.same[id(c)] = (c, built)  # kept with it, so that its id is not reused
    return built


def _stood_for(
    refs: tuple[str, str], words: Wording, why: dict[tuple[str, str], str], cites: list[Cites], session: Session
) -> Criterion:
    """The criterion an offence stub stands for; where sessions share the wording (`Built`), built once per
    (offence fact, requirement fact) and wording.

    It is a function of the two facts and the words: the readings of contested facts share the facts of
    every instrument they leave alone (gapcheck.facts.flatten), so most offences recur in each session.
    In a single session each pair comes once: it is built straight into `why` and `cites`.
    Facts are told by identity (each is kept with what was built from it, so that its id is not reused);
    the reasons and citations the subtree gives are kept beside it and given again, first found winning
    as in one pass (`why` is only added to).
    """
    offence_ref, req_ref = refs
    facts, read, aspects, shared = session
    off = facts[offence_ref]
    if not shared:  # one session: each pair is met once, so there is nothing to keep for a next one
        parts = offence_parts(offence_ref, req_ref, facts, read, aspects)
        return _offence(off, *parts, words, why, cites)
    req = facts[req_ref]
    key = ("stood for", id(off), id(req))
    known = words.built.get(key)
    if known is None or known[0] is not off or known[1] is not req:
        reasons: dict[tuple[str, str], str] = {}
        cited: list[Cites] = []
        parts = offence_parts(offence_ref, req_ref, facts, read, aspects)
        built = _offence(off, *parts, words, reasons, cited)
        known = words.built[key] = (off, req, built, reasons, cited)
    for found, reason in known[3].items():
        if found not in why:
            why[found] = reason
    cites.extend(known[4])
    tree: Criterion = known[2]
    return tree


def _reasons(
    cited: list[tuple[str, str, str]], grounds: list[Any], because: list[str], why: dict[tuple[str, str], str]
) -> None:
    """Add to `why` the reason for each (provision, role, offence or provision) a criterion of several grounds
    cites (`justified`): the first ground that names its offence or provision, else the first."""
    wanted = {name for _, _, name in cited}
    first: dict[str, int] = {}
    for at, message in enumerate(grounds):
        for name in _names(message):
            if name in wanted:
                first.setdefault(name, at)
        if len(first) == len(wanted):
            break
    for provision, role, name in cited:
        key = (provision, role)
        if key not in why:
            why[key] = because[first.get(name, 0)]


def _first_reason(cited: list[tuple[str, str]], reason: str, why: dict[tuple[str, str], str]) -> None:
    """Add to `why` the reason of a criterion of one ground or none (its ground, else its test) for each (provision,
    role) it cites, where none is given yet."""
    for key in cited:
        if key not in why:
            why[key] = reason


def _offence(
    fact: Fact,
    off: OffenceFact,
    aspects: list[RuleCriterion],
    outcome: Outcome,
    words: Wording,
    why: dict[tuple[str, str], str],
    cites: list[Cites],
) -> Criterion:
    """The criterion of an offence under a requirement (gapcheck.rules.coverage.stood_for: one fact cited, one ground,
    its aspects as children) from its parts (`offence_parts`), what names the offence worded once where it can be.

    Its id and test name the offence and its conduct; its evidence, the offence and its role; its ground
    (`describe`), where it gives no reasons (an offence covering in full), the offence and its grade. These are the
    same under every requirement the offence is tested against in that role (the purposes of sale, the kinds of
    material): built and worded once per (fact, role) and wording, the fact kept with them so that its id is not
    reused. tests/test_findings_build.py checks the trees against the plain ones.
    """
    grade, role = graded(outcome)
    key = ("offence", id(fact), role)
    known = words.built.get(key)
    if known is None or known[0] is not fact:
        named = words.built.get(("offence", id(fact)))  # its id and test, in any role
        if named is None or named[0] is not fact:
            said_test = offence_test(off)
            named = words.built[("offence", id(fact))] = (fact, offence_id(off), said_test, words.fragment(said_test))
        cited = _evidence(off.provision, off.source, role, off.offence, off.conduct)
        known = words.built[key] = [*named, [cited], None, None]
    _, name, said_test, test, evidence, because, said = known
    if grade is not _FULL:  # the reasons of its worst aspects, under this requirement
        ground = describe(off, grade, aspects)
        because = [words.say(ground)]
        said = trusted(Said, {"test": said_test, "because": [ground], "missing": None})
    elif because is None:  # covering in full, it gives no reasons: its ground names the offence alone
        ground = describe(off, grade, aspects)
        because = known[5] = [words.say(ground)]
        said = known[6] = trusted(Said, {"test": said_test, "because": [ground], "missing": None})
    reason = (off.provision, role)
    if reason not in why:
        why[reason] = because[0]
    cites.append((evidence, because, test))
    return trusted(
        Criterion,
        {
            "id": name,
            "test": test,
            "outcome": outcome,
            "because": because,
            "missing": None,
            "facts": evidence,
            "combine": _ALL,
            "children": [justified(child, words, why, cites) for child in aspects],
            "said": said,
        },
    )


# Members read once: on Python 3.11 each read of an enum's member from its class is a call (EnumType's hook).
_FULL, _ALL, _STATED = Quality.full, Combine.all, Provenance.stated
_CONSIDERED_GROUNDS = (Role.considered, (Provenance.secondary, Provenance.inferred))
# and by value, looked up before the enum's own (slower) call, which raises on an unknown value
_STATUSES, _BINDINGS = {s.value: s for s in Status}, {b.value: b for b in Binding}


def _evidence(provision: str, source: str, role: Role, offence: str | None, conduct: str | None) -> Evidence:
    return trusted(
        Evidence,
        {"provision": provision, "source": source, "role": role, "offence": offence, "conduct": conduct or None},
    )


M = TypeVar("M", bound=BaseModel)


def _fields(model: type[BaseModel]) -> tuple[int, set[str]]:
    """How many fields a model has, and the set of their names its instances share as their fields set.

    Shared, not one set per instance: a model is frozen (refused otherwise), so pydantic never adds to
    it, and `model_copy` copies it before adding; each set cost an allocation the collector then tracks.
    """
    known = _FIELDS.get(model)
    if known is None:
        if not model.model_config.get("frozen"):
            raise TypeError(f"{model.__name__}: only frozen models are built trusted (they share their fields set)")
        known = _FIELDS[model] = (len(model.model_fields), set(model.model_fields))
    return known


_FIELDS: dict[type[BaseModel], tuple[int, set[str]]] = {}
# The setters of the slots every pydantic model has, called directly (object.__setattr__ looks each one up).
_SLOTS = {name: BaseModel.__dict__[name].__set__ for name in BaseModel.__slots__}
_SET_DICT, _SET_FIELDS = _SLOTS["__dict__"], _SLOTS["__pydantic_fields_set__"]
_SET_EXTRA, _SET_PRIVATE = _SLOTS["__pydantic_extra__"], _SLOTS["__pydantic_private__"]


def trusted(model: type[M], values: dict[str, Any]) -> M:
    """A model from values already of its fields' types, every field given: what `model_construct` does,
    without its per-field loop over aliases and defaults (these models have neither extras nor private
    attributes nor post-init hooks). `model_construct` also inspects each default factory's signature
    at every call, which cost more than the evaluation itself. A field left out is an error."""
    count, names = _FIELDS.get(model) or _fields(model)
    if len(values) != count:
        raise TypeError(
            f"{model.__name__}: fields {sorted(values.keys() ^ model.model_fields.keys())} given or missing"
        )
    built = object.__new__(model)
    _SET_DICT(built, values)
    _SET_FIELDS(built, names)
    _SET_EXTRA(built, None)
    _SET_PRIVATE(built, None)
    return built


def worded(data: dict[str, Any], words: Wording) -> dict[str, Any]:
    """A criterion's data with its messages worded (gapcheck.catalogue): what reports and JSON show."""
    said = {"test": data["test"], "because": data.get("because", []), "missing": data.get("missing")}
    out = {**data, "test": words.fragment(data["test"]), "because": [words.say(b) for b in data.get("because", [])]}
    out["said"] = said
    if data.get("missing") is not None:
        out["missing"] = words.fragment(data["missing"])
    if "children" in data:
        out["children"] = [worded(child, words) for child in data["children"]]
    return out


def _benchmark(b: Benchmark) -> str:
    """The benchmark as printed: value, source, tag, and where the standards differ, which one it follows."""
    return f"{b.value} ({b.source}) [{b.tag}]" + (f" {b.note}" if b.note else "")


def grounds(refs: list[ProvisionRef]) -> list[Provenance]:
    """The non-stated provenances among the provisions a finding relies on (not those merely considered)."""
    considered, shown = _CONSIDERED_GROUNDS
    found = {r.provenance for r in refs if r.role is not considered}
    return [p for p in shown if p in found]


def _names(message: Any) -> list[str]:
    """The strings among a message's arguments (and those of the messages inside it)."""
    found: list[str] = []
    todo = [message]
    while todo:
        value = todo.pop()
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            todo.extend(value.values())
        elif isinstance(value, list):
            todo.extend(value)
    return found


def provisions(
    cites: list[Cites],
    titles: dict[str, tuple[str | None, str]],
    why: dict[tuple[str, str], str],
    provenances: dict[str, Provenance],
) -> list[ProvisionRef]:
    """Every provision the criteria rest on, once per role, with the reason given for it and what it covers.

    `cites`: the facts each criterion of the tree cites, with its grounds and test, depth first (`justified`).
    """
    # (provision, role) -> [its first evidence, that criterion's grounds and test, the conducts cited: one, or a set]
    found: dict[tuple[str, Role], list[Any]] = {}
    for facts, because, test in cites:
        for e in facts:
            key = (e.provision, e.role)
            seen = found.get(key)
            if seen is None:
                found[key] = [e, because, test, e.conduct or None]
            elif e.conduct:
                conducts = seen[3]
                if isinstance(conducts, set):
                    conducts.add(e.conduct)
                elif conducts is None:
                    seen[3] = e.conduct
                elif conducts != e.conduct:
                    seen[3] = {conducts, e.conduct}
    stated, refs = _STATED, []
    for key, (e, because, test, conducts) in found.items():
        article, heading = titles[key[0]]
        ref = {
            "id": key[0],
            "role": key[1],
            "reason": why.get(key) or (because or [test])[0],
            "source": e.source,
            "provenance": provenances.get(e.source, stated),
            "article": article,
            "heading": heading,
            "covers": sorted(conducts) if isinstance(conducts, set) else [conducts] if conducts else [],
        }
        refs.append(trusted(ProvisionRef, ref))
    return refs


def explanation(tree: Criterion, notes: list[str]) -> list[str]:
    """The reasoning as plain lines: every criterion's grounds, depth first, then the sources' notes; each once, as a
    sentence (a line already ending in a full stop as it is)."""
    lines = [line for c in tree.grounds() for line in c.because]
    lines += notes
    return list(dict.fromkeys([line if line[-1:] == "." else line + "." for line in lines]))


class Summary(BaseModel):
    """How many findings have each status."""

    model_config = ConfigDict(defer_build=True)
    met: int
    partial: int
    gap: int
    unknown: int


class CheckOutput(BaseModel):
    """The JSON contract of `gapcheck check --format json` (and the report's JSON)."""

    model_config = ConfigDict(title="gapcheck check output", defer_build=True)
    jurisdiction: str
    as_of: str = Field(description="ISO date: the law in force on this day")
    amendment: str | None = Field(description="the draft(s) applied, or null")
    pinned: list[str] = Field(description="readings of contested facts pinned with --reading, with their sources")
    explored: list[str] = Field(description="contested facts whose every reading was evaluated")
    findings: list[Finding] = Field(description="one per requirement, sorted by requirement id")
    summary: Summary


def output_schema() -> dict[str, Any]:
    """JSON Schema of the check output, as published in docs/check-output.schema.json."""
    return CheckOutput.model_json_schema(mode="serialization")
