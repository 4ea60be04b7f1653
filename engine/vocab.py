"""The controlled vocabulary: every term statutes, standards and rules share.

One enum per concept, documented here and nowhere else; `gapcheck schema`
carries the same values into the JSON Schema of the data files. A term's value
is its name (`auto()`), spelled out only where the data's word cannot be a
Python name (`and`, `treaty-practice`).
"""

from enum import StrEnum, auto

from gapcheck.rules.terms import Status as Status  # decided by the rules; one enum end to end


class Conduct(StrEnum):
    """What an offence makes punishable."""

    sell_child = auto()
    offer_child = auto()
    deliver_child = auto()
    accept_child = auto()
    traffic_child = auto()
    induce_adoption_consent = auto()
    offer_for_prostitution = auto()
    obtain_for_prostitution = auto()
    procure_for_prostitution = auto()
    provide_for_prostitution = auto()
    recourse_to_prostitution = auto()
    facilitate_prostitution = auto()
    force_into_prostitution = auto()
    sexual_intercourse = auto()
    rape = auto()
    marital_rape = auto()
    produce = auto()
    distribute = auto()
    disseminate = auto()
    import_ = "import"
    export = auto()
    offer = auto()
    make_available = auto()
    sell = auto()
    display = auto()
    possess = auto()
    procure = auto()
    access = auto()
    attend_performance = auto()
    solicit_child = auto()
    facilitate_online_exploitation = auto()
    marry_child = auto()
    permit_child_marriage = auto()
    employ_child = auto()
    engage_in_prostitution = "engage_in_prostitution"  # the person in prostitution: punishes the child victim
    sexual_extortion = "sexual_extortion"  # coercing a child, by threats, into sexual acts or material
    indecent_act = auto()
    abduct_child = auto()
    transport = auto()


class Object(StrEnum):
    """What the conduct acts on: a child, or material (child-specific or general)."""

    child = auto()
    child_sexual_abuse_material = auto()
    pornography = auto()


class Purpose(StrEnum):
    """Why the conduct is done; `any` means the offence names no purpose."""

    sexual_exploitation = auto()
    forced_labour = auto()
    organ_removal = auto()
    marriage = auto()
    adoption = auto()
    any = auto()


class Element(StrEnum):
    """An element of an offence that narrows who or what it reaches."""

    intent_to_distribute = auto()
    remuneration = auto()
    force_or_coercion = auto()
    means_required = auto()
    adult_offender_only = auto()
    transnational_only = auto()
    abuse_of_trust = auto()
    purpose_distribution = auto()
    purpose_sexual_gratification = auto()
    custodian_only = auto()
    single_platform = auto()
    meeting_request_only = auto()
    victim_punishable = auto()


class Means(StrEnum):
    """How an offence may be committed, where the law says so."""

    ict = auto()


class Label(StrEnum):
    """How the law frames an offence: its own crime, or a form of another one."""

    offence = auto()
    trafficking = auto()


class InstrumentKind(StrEnum):
    """What kind of national instrument a statute file holds."""

    law = auto()
    code = auto()
    decree = auto()
    policy = auto()
    treaty_practice = "treaty-practice"


class Sex(StrEnum):
    """Victim sex an offence protects."""

    any = auto()
    female = auto()
    male = auto()


class Subject(StrEnum):
    """What an age threshold governs."""

    marriage = auto()
    employment = auto()
    light_work = auto()
    hazardous_work = auto()
    compulsory_education_end = auto()
    sexual_consent = auto()


class MeasureKind(StrEnum):
    """Legal measures other than offences and thresholds."""

    surrogacy_prohibition = auto()
    adoption_safeguards = auto()
    csam_definition = auto()
    isp_reporting_duty = auto()
    isp_blocking_power = auto()
    extraterritorial_jurisdiction = auto()
    legal_person_liability = auto()
    attempt_complicity = auto()
    mediation_threshold = auto()
    victim_compensation = auto()
    child_friendly_procedure = auto()
    hazardous_work_prohibition = auto()
    worst_forms_prohibition = auto()
    minimum_age_declaration = auto()
    intercountry_adoption_moratorium = auto()
    non_punishment_child_prostitution = "non_punishment_child_prostitution"  # children in prostitution not punished
    non_punishment_child_depicted = "non_punishment_child_depicted"  # children depicted in sexual material
    non_punishment_self_generated = "non_punishment_self_generated"  # children who generate material of themselves
    csam_definition_virtual = "csam_definition_virtual"  # definition reaches simulated and computer-generated material
    limitation_from_majority = "limitation_from_majority"  # limitation runs from the victim's majority, or none
    jurisdiction_without_double_criminality = "jurisdiction_without_double_criminality"  # nationals abroad
    isp_endeavour_duty = auto()
    mandatory_reporting_duty = auto()


class MeasureStatus(StrEnum):
    """How firmly a measure is in the law.

    `explicit`: the law says it; `de_facto`: it follows from another rule
    (e.g. a ban on pre-birth adoption read as a surrogacy ban); `partial`:
    the source says only some of it is there; `none`: the source says it is not.
    """

    explicit = auto()
    de_facto = auto()
    partial = auto()
    none = auto()


class ProcedureElement(StrEnum):
    """Elements of procedures adapted to child victims (OPSC art. 8(1)), as criteria of a measure."""

    adapted_procedures = auto()
    information = auto()
    views_heard = auto()
    privacy = auto()
    protection_from_intimidation = auto()
    no_undue_delay = auto()


class Basis(StrEnum):
    """Bases of extraterritorial jurisdiction."""

    nationality = auto()
    passive_personality = auto()
    residence = auto()


class Theme(StrEnum):
    """Groups of requirements, as in the requirement catalogue."""

    sale = auto()
    prostitution = auto()
    csam = auto()
    marriage = auto()
    labour = auto()
    procedure = auto()
    victims = auto()


THEME_TITLES = {
    Theme.sale: "Sale of children and trafficking",
    Theme.prostitution: "Child prostitution and sexual abuse",
    Theme.csam: "Child sexual abuse material and online exploitation",
    Theme.marriage: "Child marriage",
    Theme.labour: "Child labour",
    Theme.procedure: "Jurisdiction, liability and procedure",
    Theme.victims: "Child victims: non-punishment",
}


class Provenance(StrEnum):
    """How a fact is known.

    `stated`: the source says it; `secondary`: a source other than the primary
    one says it; `inferred`: read into the law from what a source says (e.g. a
    law's purposes from "in line with the Protocol"), not stated by anyone.
    Findings that rest on secondary or inferred facts say so.
    """

    stated = auto()
    secondary = auto()
    inferred = auto()


class TestKind(StrEnum):
    """How a requirement is checked; rules/ has one verdict rule for each."""

    __test__ = False  # not a pytest class

    criminalization = auto()
    separate_offence = auto()
    min_age = auto()
    no_exceptions = auto()
    age_order = auto()
    penalty = auto()
    measure = auto()
    gender_neutral = auto()
    diversion = auto()
    non_punishment = auto()


class Scope(StrEnum):
    """What an `unknown` fact leaves open: the law itself, or only its application."""

    law = auto()
    application = auto()


class TraffickingAct(StrEnum):
    """The acts of the trafficking chain (Palermo Protocol art. 3(a)) an offence covers."""

    recruitment = auto()
    transportation = auto()
    transfer = auto()
    harbouring = auto()
    receipt = auto()


class Combination(StrEnum):
    """How imprisonment and a fine combine in a penalty."""

    and_ = "and"
    or_ = "or"
    and_or = auto()


class Aggravation(StrEnum):
    """Circumstances that make an aggravated form of an offence."""

    as_business = auto()
    victim_under_age = auto()
    person_in_authority = auto()
    organised_group = auto()
    repeat_offence = auto()
    serious_harm = auto()


class Authority(StrEnum):
    """Who may grant an exception to a minimum age."""

    court = auto()
    parent = auto()
    religious_authority = auto()
    executive = auto()
    not_stated = auto()


class Population(StrEnum):
    """What kind of population part of a jurisdiction's law applies to."""

    personal_law = auto()
    region = auto()


class TreatyAct(StrEnum):
    """A step in a state's relation to a treaty."""

    signature = auto()
    ratification = auto()
    accession = auto()
    succession = auto()
    acceptance = auto()
    approval = auto()
    denunciation = auto()


BINDING_ACTS = frozenset(
    {TreatyAct.ratification, TreatyAct.accession, TreatyAct.succession, TreatyAct.acceptance, TreatyAct.approval}
)


class InstrumentType(StrEnum):
    """What an international instrument is, for whether it can bind a state."""

    treaty = auto()
    regional_law = auto()
    recommendation = auto()
    guidance = auto()
    model_law = auto()


class Binding(StrEnum):
    """Whether a standard binds the jurisdiction on the analysis date."""

    binding = auto()
    signed = auto()
    not_party = auto()
    not_recorded = auto()
    not_a_treaty = auto()
