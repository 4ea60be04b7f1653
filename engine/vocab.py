"""The controlled vocabulary: every term statutes, standards and rules share.

One enum per concept, documented here and nowhere else; `gapcheck schema`
carries the same values into the JSON Schema of the data files.
"""

from enum import StrEnum

from gapcheck.rules.terms import Status as Status  # decided by the rules; one enum end to end


class Conduct(StrEnum):
    """What an offence makes punishable."""

    sell_child = "sell_child"
    offer_child = "offer_child"
    deliver_child = "deliver_child"
    accept_child = "accept_child"
    traffic_child = "traffic_child"
    induce_adoption_consent = "induce_adoption_consent"
    offer_for_prostitution = "offer_for_prostitution"
    obtain_for_prostitution = "obtain_for_prostitution"
    procure_for_prostitution = "procure_for_prostitution"
    provide_for_prostitution = "provide_for_prostitution"
    recourse_to_prostitution = "recourse_to_prostitution"
    facilitate_prostitution = "facilitate_prostitution"
    force_into_prostitution = "force_into_prostitution"
    sexual_intercourse = "sexual_intercourse"
    rape = "rape"
    marital_rape = "marital_rape"
    produce = "produce"
    distribute = "distribute"
    disseminate = "disseminate"
    import_ = "import"
    export = "export"
    offer = "offer"
    make_available = "make_available"
    sell = "sell"
    display = "display"
    possess = "possess"
    procure = "procure"
    access = "access"
    attend_performance = "attend_performance"
    solicit_child = "solicit_child"
    facilitate_online_exploitation = "facilitate_online_exploitation"
    marry_child = "marry_child"
    permit_child_marriage = "permit_child_marriage"
    employ_child = "employ_child"
    engage_in_prostitution = "engage_in_prostitution"  # the person in prostitution: punishes the child victim
    sexual_extortion = "sexual_extortion"  # coercing a child, by threats, into sexual acts or material
    indecent_act = "indecent_act"
    abduct_child = "abduct_child"
    transport = "transport"


class Object(StrEnum):
    """What the conduct acts on: a child, or material (child-specific or general)."""

    child = "child"
    child_sexual_abuse_material = "child_sexual_abuse_material"
    pornography = "pornography"


class Purpose(StrEnum):
    """Why the conduct is done; `any` means the offence names no purpose."""

    sexual_exploitation = "sexual_exploitation"
    forced_labour = "forced_labour"
    organ_removal = "organ_removal"
    marriage = "marriage"
    adoption = "adoption"
    any = "any"


class Element(StrEnum):
    """An element of an offence that narrows who or what it reaches."""

    intent_to_distribute = "intent_to_distribute"
    remuneration = "remuneration"
    force_or_coercion = "force_or_coercion"
    means_required = "means_required"
    adult_offender_only = "adult_offender_only"
    transnational_only = "transnational_only"
    abuse_of_trust = "abuse_of_trust"
    purpose_distribution = "purpose_distribution"
    purpose_sexual_gratification = "purpose_sexual_gratification"
    custodian_only = "custodian_only"
    single_platform = "single_platform"
    meeting_request_only = "meeting_request_only"
    victim_punishable = "victim_punishable"


class Means(StrEnum):
    """How an offence may be committed, where the law says so."""

    ict = "ict"


class Label(StrEnum):
    """How the law frames an offence: its own crime, or a form of another one."""

    offence = "offence"
    trafficking = "trafficking"


class InstrumentKind(StrEnum):
    """What kind of national instrument a statute file holds."""

    law = "law"
    code = "code"
    decree = "decree"
    policy = "policy"
    treaty_practice = "treaty-practice"


class Sex(StrEnum):
    """Victim sex an offence protects."""

    any = "any"
    female = "female"
    male = "male"


class Subject(StrEnum):
    """What an age threshold governs."""

    marriage = "marriage"
    employment = "employment"
    light_work = "light_work"
    hazardous_work = "hazardous_work"
    compulsory_education_end = "compulsory_education_end"
    sexual_consent = "sexual_consent"


class MeasureKind(StrEnum):
    """Legal measures other than offences and thresholds."""

    surrogacy_prohibition = "surrogacy_prohibition"
    adoption_safeguards = "adoption_safeguards"
    csam_definition = "csam_definition"
    isp_reporting_duty = "isp_reporting_duty"
    isp_blocking_power = "isp_blocking_power"
    extraterritorial_jurisdiction = "extraterritorial_jurisdiction"
    legal_person_liability = "legal_person_liability"
    attempt_complicity = "attempt_complicity"
    mediation_threshold = "mediation_threshold"
    victim_compensation = "victim_compensation"
    child_friendly_procedure = "child_friendly_procedure"
    hazardous_work_prohibition = "hazardous_work_prohibition"
    worst_forms_prohibition = "worst_forms_prohibition"
    minimum_age_declaration = "minimum_age_declaration"
    intercountry_adoption_moratorium = "intercountry_adoption_moratorium"
    non_punishment_child_prostitution = "non_punishment_child_prostitution"  # children in prostitution not punished
    non_punishment_child_depicted = "non_punishment_child_depicted"  # children depicted in sexual material
    non_punishment_self_generated = "non_punishment_self_generated"  # children who generate material of themselves
    csam_definition_virtual = "csam_definition_virtual"  # definition reaches simulated and computer-generated material
    limitation_from_majority = "limitation_from_majority"  # limitation runs from the victim's majority, or none
    jurisdiction_without_double_criminality = "jurisdiction_without_double_criminality"  # nationals abroad
    isp_endeavour_duty = "isp_endeavour_duty"
    mandatory_reporting_duty = "mandatory_reporting_duty"


class MeasureStatus(StrEnum):
    """How firmly a measure is in the law.

    `explicit`: the law says it; `de_facto`: it follows from another rule
    (e.g. a ban on pre-birth adoption read as a surrogacy ban); `partial`:
    the source says only some of it is there; `none`: the source says it is not.
    """

    explicit = "explicit"
    de_facto = "de_facto"
    partial = "partial"
    none = "none"


class ProcedureElement(StrEnum):
    """Elements of procedures adapted to child victims (OPSC art. 8(1)), as criteria of a measure."""

    adapted_procedures = "adapted_procedures"
    information = "information"
    views_heard = "views_heard"
    privacy = "privacy"
    protection_from_intimidation = "protection_from_intimidation"
    no_undue_delay = "no_undue_delay"


class Basis(StrEnum):
    """Bases of extraterritorial jurisdiction."""

    nationality = "nationality"
    passive_personality = "passive_personality"
    residence = "residence"


class Theme(StrEnum):
    """Groups of requirements, as in the requirement catalogue."""

    sale = "sale"
    prostitution = "prostitution"
    csam = "csam"
    marriage = "marriage"
    labour = "labour"
    procedure = "procedure"
    victims = "victims"


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

    stated = "stated"
    secondary = "secondary"
    inferred = "inferred"


class TestKind(StrEnum):
    """How a requirement is checked; rules/ has one verdict rule for each."""

    __test__ = False  # not a pytest class

    criminalization = "criminalization"
    separate_offence = "separate_offence"
    min_age = "min_age"
    no_exceptions = "no_exceptions"
    age_order = "age_order"
    penalty = "penalty"
    measure = "measure"
    gender_neutral = "gender_neutral"
    diversion = "diversion"
    non_punishment = "non_punishment"


class Scope(StrEnum):
    """What an `unknown` fact leaves open: the law itself, or only its application."""

    law = "law"
    application = "application"


class TraffickingAct(StrEnum):
    """The acts of the trafficking chain (Palermo Protocol art. 3(a)) an offence covers."""

    recruitment = "recruitment"
    transportation = "transportation"
    transfer = "transfer"
    harbouring = "harbouring"
    receipt = "receipt"


class Combination(StrEnum):
    """How imprisonment and a fine combine in a penalty."""

    and_ = "and"
    or_ = "or"
    and_or = "and_or"


class Aggravation(StrEnum):
    """Circumstances that make an aggravated form of an offence."""

    as_business = "as_business"
    victim_under_age = "victim_under_age"
    person_in_authority = "person_in_authority"
    organised_group = "organised_group"
    repeat_offence = "repeat_offence"
    serious_harm = "serious_harm"


class Authority(StrEnum):
    """Who may grant an exception to a minimum age."""

    court = "court"
    parent = "parent"
    religious_authority = "religious_authority"
    executive = "executive"
    not_stated = "not_stated"


class Population(StrEnum):
    """What kind of population part of a jurisdiction's law applies to."""

    personal_law = "personal_law"
    region = "region"


class TreatyAct(StrEnum):
    """A step in a state's relation to a treaty."""

    signature = "signature"
    ratification = "ratification"
    accession = "accession"
    succession = "succession"
    acceptance = "acceptance"
    approval = "approval"
    denunciation = "denunciation"


BINDING_ACTS = frozenset(
    {TreatyAct.ratification, TreatyAct.accession, TreatyAct.succession, TreatyAct.acceptance, TreatyAct.approval}
)


class InstrumentType(StrEnum):
    """What an international instrument is, for whether it can bind a state."""

    treaty = "treaty"
    regional_law = "regional_law"
    recommendation = "recommendation"
    guidance = "guidance"
    model_law = "model_law"


class Binding(StrEnum):
    """Whether a standard binds the jurisdiction on the analysis date."""

    binding = "binding"
    signed = "signed"
    not_party = "not_party"
    not_recorded = "not_recorded"
    not_a_treaty = "not_a_treaty"
