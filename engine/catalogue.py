"""The message catalogue: every sentence of a finding's reasoning and of a suggested change, every term in words.

The rules hand out a message id and its arguments (gapcheck.rules.tree.say);
the sentences live here, in one place to review (and, later, translate), and
gapcheck.prose words them. A placeholder `{name:kind}` says how its argument is
written: `cite` (a provision, cited), `offence`, `months`, `band` (victim ages),
`req` (a requirement, by its title), `population`, `source` (as given, with the
requirement ids a reference law cites as its pinpoint named by their titles),
`text` (as given: conditions from the corpus), or a vocabulary kind (a term, by its label below);
`.a` adds the indefinite article, `.or` joins a list with "or" (default "and"),
`.semi` with semicolons; a verb after a citation agrees with it (`{provision:cite.sets}`:
"article 8 ... sets", "sections 10 and 21(2) ... set"). A template that starts with a capital is a sentence.
"""

from gapcheck.vocab import THEME_TITLES

# Vocabulary terms in words, by kind (gapcheck.vocab); a term not listed reads as its key with spaces.
LABELS: dict[str, dict[str, str]] = {
    "conduct": {
        "sell_child": "selling a child",
        "offer_child": "offering a child",
        "deliver_child": "delivering a child",
        "accept_child": "accepting a child",
        "traffic_child": "trafficking in children",
        "induce_adoption_consent": "improperly inducing consent to a child's adoption",
        "offer_for_prostitution": "offering a child for prostitution",
        "obtain_for_prostitution": "obtaining a child for prostitution",
        "procure_for_prostitution": "procuring a child for prostitution",
        "provide_for_prostitution": "providing a child for prostitution",
        "recourse_to_prostitution": "having recourse to a child for sexual services",
        "facilitate_prostitution": "facilitating child prostitution",
        "force_into_prostitution": "forcing a child into prostitution",
        "sexual_intercourse": "sexual intercourse with a child",
        "marital_rape": "marital rape",
        "produce": "production",
        "distribute": "distribution",
        "disseminate": "dissemination",
        "import": "importation",
        "export": "exportation",
        "offer": "offering",
        "make_available": "making available",
        "sell": "sale",
        "display": "display",
        "possess": "possession",
        "procure": "procurement",
        "access": "access",
        "attend_performance": "attending a pornographic performance involving a child",
        "solicit_child": "soliciting a child for sexual purposes",
        "facilitate_online_exploitation": "facilitating online sexual exploitation",
        "marry_child": "marrying a child",
        "permit_child_marriage": "permitting a child's marriage",
        "employ_child": "employing a child",
        "engage_in_prostitution": "engaging in prostitution",
        "sexual_extortion": "sexual extortion",
        "indecent_act": "indecent acts",
        "abduct_child": "abducting a child",
        "transport": "transport",
    },
    "object": {"child_sexual_abuse_material": "child sexual abuse material", "child": "a child"},
    "purpose": {
        "sexual_exploitation": "sexual exploitation",
        "forced_labour": "forced labour",
        "organ_removal": "the removal of organs",
        "any": "any purpose",
    },
    "element": {
        "intent_to_distribute": "intent to distribute",
        "force_or_coercion": "force or coercion",
        "means_required": "means (force, deception, abuse of power)",
        "adult_offender_only": "an adult offender",
        "transnational_only": "a transnational element",
        "abuse_of_trust": "abuse of trust",
        "purpose_distribution": "a purpose of distribution",
        "purpose_sexual_gratification": "a purpose of sexual gratification",
        "custodian_only": "a custodian offender",
        "single_platform": "one means of communication",
        "meeting_request_only": "a proposal to meet",
        "victim_punishable": "a punishable victim",
    },
    "means": {"ict": "information and communication technologies"},
    "framing": {"offence": "offence of its own", "trafficking": "trafficking"},
    "subject": {
        "light_work": "light work",
        "hazardous_work": "hazardous work",
        "compulsory_education_end": "the end of compulsory education",
        "sexual_consent": "sexual consent",
    },
    "measure": {
        "surrogacy_prohibition": "prohibition of surrogacy",
        "adoption_safeguards": "safeguards in adoption",
        "csam_definition": "definition of child sexual abuse material",
        "isp_reporting_duty": "ISP reporting duty",
        "isp_blocking_power": "ISP blocking power",
        "extraterritorial_jurisdiction": "extraterritorial jurisdiction",
        "legal_person_liability": "liability of legal persons",
        "attempt_complicity": "liability for attempt and complicity",
        "mediation_threshold": "village mediation threshold",
        "victim_compensation": "compensation of victims",
        "child_friendly_procedure": "child-friendly procedure",
        "hazardous_work_prohibition": "prohibition of hazardous work",
        "worst_forms_prohibition": "prohibition of the worst forms of child labour",
        "minimum_age_declaration": "declared minimum age",
        "intercountry_adoption_moratorium": "moratorium on intercountry adoption",
        "non_punishment_child_prostitution": "exemption of children in prostitution from punishment",
        "non_punishment_child_depicted": "exemption of children depicted in sexual material from punishment",
        "non_punishment_self_generated": "exemption of children who generate material of themselves from punishment",
        "csam_definition_virtual": "definition reaching simulated and computer-generated material",
        "limitation_from_majority": "limitation period running from the victim's majority",
        "jurisdiction_without_double_criminality": "jurisdiction over nationals abroad without double criminality",
        "isp_endeavour_duty": "ISP duty to prevent use for abuse",
        "mandatory_reporting_duty": "mandatory reporting duty",
    },
    "status": {"explicit": "explicitly", "de_facto": "in force de facto", "partial": "in part", "none": "absent"},
    "basis": {"passive_personality": "passive personality"},
    "instrument_type": {"regional_law": "regional law", "model_law": "model law"},
    "procedure_element": {
        "adapted_procedures": "procedures adapted to the special needs of child victims",
        "information": "informing child victims of their rights, their role and the progress of the case",
        "views_heard": "presenting and considering the views of child victims",
        "privacy": "protecting the privacy and identity of child victims",
        "protection_from_intimidation": "protecting child victims from intimidation and retaliation",
        "no_undue_delay": "avoiding unnecessary delay",
    },
    "act": {},  # trafficking acts are plain words (gapcheck.vocab.TraffickingAct)
    "sex": {"female": "female", "male": "male", "any": "any"},
    "sexes": {"female": "women and girls", "male": "men and boys"},
    "authority": {
        "court": "a court",
        "parent": "a parent",
        "religious_authority": "a religious authority",
        "executive": "the executive",
        "not_stated": "an authority the source does not name",
    },
    "narrowing": {
        "purpose_distribution": "possession is punished only when it is for distribution",
        "purpose_sexual_gratification": "possession is punished only when it is for sexual gratification",
        "custodian_only": "abuse of trust is limited to custodians, not any position of trust, authority or influence",
        "single_platform": "it is limited to one means or platform of communication",
        "meeting_request_only": "solicitation is punished only when it leads to a proposal to meet",
        "victim_punishable": "the child victim is also punishable",
    },
    "scope": {"law": "in the law", "application": "in practice"},
    "theme": {str(theme): title[:1].lower() + title[1:] for theme, title in THEME_TITLES.items()},
    "aggravation": {
        "as_business": "it is committed as a business",
        "victim_under_age": "the victim is under an age",
        "person_in_authority": "the offender is a person in authority",
        "organised_group": "it is committed by an organised group",
        "repeat_offence": "it is repeated",
        "serious_harm": "it causes serious harm",
    },
}

# Terms that take no indefinite article (mass nouns, plurals).
NO_ARTICLE: dict[str, set[str]] = {
    "instrument_type": {"guidance"},
    "measure": {
        "adoption_safeguards",
        "extraterritorial_jurisdiction",
        "legal_person_liability",
        "attempt_complicity",
        "victim_compensation",
        "child_friendly_procedure",
        "jurisdiction_without_double_criminality",
    },
}

# Sentences, by message id. Ids: `<module>.<what>`.
MESSAGES: dict[str, str] = {
    # rules/binding.py: whether an instrument binds the jurisdiction on the analysis date
    "binding.not-a-treaty": "{type:instrument_type.a}{addressed:said}; it does not bind",
    "binding.addressed": ", addressed to {to}",
    "binding.not-recorded": "the jurisdiction's data does not record its status",
    "binding.bound": "{act} on {date:date}",
    "binding.signed": "signed on {date:date}, not ratified by the analysis date",
    "binding.not-party": "not a party on the analysis date",
    "binding.reservation": "{pinpoint:said}{text} [{source:source}]",
    "binding.pinpoint": "{pinpoint}: ",
    # gapcheck.readings and gapcheck.merge: contested facts, and findings that depend on them
    "reading.in-force": "the entry into force of {instrument:law}",
    "reading.in-force-from": "{instrument:law} is in force from {date:date} [{source:source}]",
    "reading.offence": "the offence of {provision:cite}",
    "reading.offence-as": "{provision:cite} {traits:said.comma} [{source:source}]",
    "reading.conduct": "on {conducts:conduct.or}",
    "reading.object": "concerning {objects:object.or}",
    "reading.purposes": "for {purposes:purpose.or}",
    "reading.victims": "protecting {victims:said.or}",
    "reading.victim-any": "any {who} of any age",
    "reading.victim-unstated": "any child, with no age limit stated",
    "reading.victim-below": "any {who} under the age of {below}",
    "reading.victim-band": "{who:text.a} aged {from} to {last}",
    "reading.victim-from": "any {who} aged {from} and over",
    "reading.victim-term": "any {sex}\u201c{term}\u201d as the law defines it",
    "reading.means": "through {means:means.or}",
    "reading.any-means": "by any means",
    "reading.elements": "requiring {elements:element}",
    "reading.no-elements": "with no narrowing element",
    "reading.carrying": "carrying {penalties:text.or}",
    "reading.no-penalty": "with no stated penalty",
    "merge.every-reading": (
        "{status} under every reading of {contests:said}; the reasons above are those of the first reading "
        "({first:said}), the provisions listed are those of every reading."
    ),
    "merge.depends": "Depends on contested facts: {outcomes:said.semi}.",
    "merge.outcome": "{status} if {when:text}",
    "merge.when": "{choices:said.or}",
    "merge.every-other": "every other reading",
    # rules/base.py: what the sources leave unknown; absence, read in a closed or an open world
    "base.not-known": "Not known ({scope:scope}): {about} [{source:source}]",
    "base.has-any": "the law has any {what:said}",
    "base.absent-said-unknown": (
        "No {what:said} is in the corpus, and the source says it is not known: {about} [{source:source}]."
    ),
    "base.facts-on": "facts on whether the law has any {what:said}",
    "base.absent-closed": (
        "No {what:said} is in the law: the corpus is declared complete for this {scope} [{source:source}]."
    ),
    "base.absent-open": (
        "No {what:said} is in the corpus, and the corpus is not declared complete for the theme "
        "\u201c{theme:theme}\u201d: the law may say more than the sources modelled."
    ),
    "base.or-source-says-none": "{what:said}, or a source saying the law has none",
    # rules/criminalization.py: groups of conducts, the victim band
    "crim.nearby": "{offence:offence.covers} {does:conduct}, not {wanted:conduct.or} [{source:source}].",
    "crim.no-age": "No age of {subject:subject} is in the corpus to compare with.",
    "crim.band-above": (
        "The band is every child from the age of {subject:subject}, {age}, set by {provision:cite} [{source:source}], "
        "to {last}."
    ),
    "crim.band-below": (
        "The band is every child below the age of {subject:subject}, {age}, set by {provision:cite} [{source:source}]: "
        "aged 0 to {last}."
    ),
    "crim.close-in-age": (
        "Close-in-age exemption: {provision:cite.allows} it{floor:said}{gap:said} {conditions} [{source:source}]."
    ),
    "crim.exemption-floor": " from the age of {age}",
    "crim.exemption-gap": ", where the partners' ages differ by at most {years} years",
    "crim.offence-covering": "in-force offence covering {conducts:conduct.or}",
    "crim.group": "an in-force offence covers {conducts:conduct.or}",
    "crim.band-test": "the covering offences together protect every child {band:band}",
    "crim.band-uncovered": "Children {bands:band} are not protected by any covering offence.",
    "crim.band-covered": "Together they protect every child {band:band}.",
    "crim.band-missing": "protection of children {bands:band}",
    "crim.children-unstated": (
        "A covering offence protects \u201cchildren\u201d without a stated age limit; it is read as under 18."
    ),
    "crim.root": "the law makes {conducts:conduct.or} an offence",
    "crim.secondary-only": "This rests on secondary sources only.",
    # rules/coverage.py: one offence against one requirement, aspect by aspect
    "cov.offence": "{offence:offence.covers} {conduct:conduct}",
    "cov.conduct.yes": "it makes {conduct:conduct} punishable",
    "cov.describe.full": "{offence:offence.covers} {conduct:conduct} [{source:source}].",
    "cov.describe.partial": (
        "{offence:offence.covers} {conduct:conduct} only in part: {reasons:said.semi} [{source:source}]."
    ),
    "cov.describe.none": (
        "{offence:offence.does} not cover {conduct:conduct} as required: {reasons:said.semi} [{source:source}]."
    ),
    "cov.object": "it concerns {objects:object.or}",
    "cov.object.yes": "it concerns {object:object}",
    "cov.object.no": "it concerns pornography in general, not child sexual abuse material specifically",
    "cov.object.missing": "an offence on {objects:object.or} specifically",
    "cov.purpose": "its purposes include {wanted:purpose.or}",
    "cov.purpose.yes": "its purposes are {purposes:purpose}",
    "cov.purpose.no": "its purposes ({purposes:purpose}) do not include {wanted:purpose.or}",
    "cov.purpose.missing": "an offence for the purpose of {wanted:purpose.or}",
    "cov.any-purpose": "it reaches any purpose",
    "cov.any-purpose.yes": "it names no limiting purpose",
    "cov.any-purpose.no": "it is limited to the purposes of {purposes:purpose}, not sale for any purpose",
    "cov.any-purpose.missing": "an offence of sale for any purpose",
    "cov.excluded-elements": "it does not require {elements:element.or}",
    "cov.excluded-elements.yes": "it requires none of them",
    "cov.excluded-elements.no": "it requires {element:element}",
    "cov.excluded-elements.missing": "an offence that does not require {elements:element.or}",
    "cov.required-elements": "it has the element of {elements:element}",
    "cov.required-elements.yes": "it has that element",
    "cov.required-elements.no": "it has no element of {element:element}",
    "cov.required-elements.missing": "an offence with the element of {elements:element}",
    "cov.narrowing-elements": "it is not narrowed by the element of {elements:element.or}",
    "cov.narrowing-elements.yes": "it is not narrowed by them",
    "cov.narrowing-elements.no": "it is narrowed by the element of {element:element}",
    "cov.narrowing-elements.missing": "an offence without the element of {elements:element.or}",
    "cov.narrowing-conditions": "no condition narrows it",
    "cov.narrowing-conditions.no": "{condition:narrowing}",
    "cov.narrowing-conditions.missing": "an offence without the condition that {conditions:narrowing.semi}",
    "cov.trafficking-acts": "it covers every act of the chain: {acts:act}",
    "cov.trafficking-acts.yes": "it covers {acts:act}",
    "cov.trafficking-acts.no": "it does not cover {acts:act}",
    "cov.trafficking-acts.missing": "an offence covering {acts:act}",
    "cov.framing": "it is a crime of its own",
    "cov.framing.yes": "it is framed as an offence of its own",
    "cov.framing.no": (
        "it is covered only within the {framing:framing} offence or definition, not as a crime of its own"
    ),
    "cov.framing.missing": "an offence of its own, outside {framings:framing}",
    "cov.means": "it is framed for commission through {means:means}",
    "cov.means.yes": "it is so framed",
    "cov.means.no": "it is not framed for commission through {means:means}",
    "cov.means.missing": "an offence framed for commission through {means:means}",
    "cov.victim-sex": "it protects victims of any sex",
    "cov.victim-sex.yes": "it protects victims of any sex",
    "cov.victim-sex.no": "it protects only {sex:sex} victims",
    "cov.victim-sex.missing": "protection of victims of any sex",
    "cov.age-limit": "it sets a victim age limit",
    "cov.age-limit.yes": "it protects victims {band:band}",
    "cov.age-limit.no": "it sets no victim age limit",
    "cov.age-limit.missing": "an offence defining the child victim by age",
    "cov.victim-ages": "it protects children {band:band}",
    "cov.victim-ages.yes": "it protects victims {band:band}",
    "cov.victim-ages.no": "it protects only victims {band:band}",
    "cov.victim-ages.missing": "an offence protecting children {band:band}",
    # rules/measure.py: a legal measure, explicit or not
    "measure.what": "{measure:measure}",
    "measure.law-has": "the law provides explicitly for {measure:measure.a}",
    "measure.provision-has": "{provision:cite.provides} explicitly for {measure:measure.a}",
    "measure.is": "{provision:cite.provides} for {measure:measure.a}, {status:status} [{source:source}].",
    "measure.absent": "{provision:cite}: the source says that {measure:measure.a} is absent [{source:source}].",
    "measure.without-basis": (
        "{provision:cite.provides} for {measure:measure.a}, {status:status}, but without the {bases:basis} "
        "basis [{source:source}]."
    ),
    "measure.not-complete": (
        "{provision:cite.provides} for {measure:measure.a}, {status:status}: not an "
        "explicit, complete measure [{source:source}]."
    ),
    "measure.weaker": (
        "{provision:cite.provides} only for {weaker:measure.a} [{source:source}], not for {measure:measure.a}."
    ),
    "measure.elements": (
        "{provision:cite.provides} for {measure:measure.a}, {status:status} [{source:source}]: it provides for "
        "{provided:procedure_element}{lacking:said}."
    ),
    "measure.no-elements": (
        "{provision:cite.provides} for {measure:measure.a}, {status:status} [{source:source}], but for none of the "
        "required elements{lacking:said}."
    ),
    "measure.elements-lacking": "; not for {lacking:procedure_element}",
    "measure.element": "{provision:cite} provides, in its {measure:measure}, for {element:procedure_element}",
    "measure.element-missing": "{measure:measure.a} that provides for {element:procedure_element}",
    "measure.every-element": "{provision:cite} provides for {measure:measure.a} with every required element",
    "measure.need": "{measure:measure.a}, explicitly",
    "measure.needs": "{measure:measure.a}, explicitly, with the {bases:basis} basis",
    # rules/thresholds.py: an age threshold and its exceptions
    "age.sets": "{provision:cite.sets} {age:said.comma} for {subject:subject}{who:said} [{source:source}]",
    "age.one": "{age}",
    "age.by-sex": "{ages:text.or} (by sex)",
    "age.for-sex": "{age} for {sex:sexes}",
    "age.population": " (for {population:population})",
    "age.exception-floor": "{parts:said.space}",
    "age.no-floor": "with no lowest age",
    "age.floor": "from the age of {age}",
    "age.floor-unstated": "from an unstated age",
    "age.floor-sex": "for {sex:sex} persons",
    "age.granted-by": "with the leave of {authority:authority}",
    # rules/minimum_age.py: every threshold reaches the benchmark, or an explicit prohibition
    "minage.ban-test": "the law prohibits {subject:subject} for children explicitly",
    "minage.ban": "{provision:cite.prohibits} {subject:subject} for children explicitly [{source:source}].",
    "minage.no-ban": "No explicit {measure:measure} is in force.",
    "minage.root": "children are kept out of {subject:subject}",
    "minage.what": "minimum age for {subject:subject}",
    "minage.benchmark": "The benchmark is {age}.",
    "minage.declared": (
        "The benchmark is {age}, because a minimum age of {declared} was declared ({provision:cite}) [{source:source}]."
    ),
    "minage.test": "every minimum age for {subject:subject} is at least {age}",
    "minage.sets-at-least": "{provision:cite.sets} at least {age}",
    "minage.shown": "{shown:said}.",
    "minage.needs": "a minimum age of {age} for {subject:subject}",
    "minage.no-exception": "no exception in {provision:cite} lowers it",
    "minage.exception-lowers": (
        "{provision:cite.allows} it {floor:said} {conditions} [{source:source}]: the minimum holds with or without "
        "consent, so this lowers it."
    ),
    "minage.no-exception-below": "no exception below {age}",
    "minage.exception-reported": (
        "Reported by a secondary or unconfirmed source, not counted: {provision:cite.allows} it {floor:said} "
        "{conditions} [{source:source}]."
    ),
    # rules/penalty.py: every covering offence reaches the benchmark maximum
    "penalty.root": "every offence that covers it carries a maximum of at least {floor:months}",
    "penalty.test": "{offence:offence.carries} a maximum of at least {floor:months}",
    "penalty.missing": "a maximum penalty of at least {floor:months} under {offence:offence}",
    "penalty.unknown": "the penalty under {offence:offence}",
    "penalty.not-stated": "The penalty under {offence:offence.is} not stated in the sources [{source:source}].",
    "penalty.fine-only": (
        "{offence:offence.carries} only {penalty}, no imprisonment: below the benchmark "
        "of {floor:months} [{source:source}]."
    ),
    "penalty.below": (
        "{offence:offence.carries} at most {months:months}, below the benchmark of {floor:months} [{source:source}]."
    ),
    "penalty.meets": (
        "{offence:offence.carries} up to {months:months}, meeting the benchmark of {floor:months} [{source:source}]."
    ),
    "penalty.aggravated": "Aggravated form under {offence:offence} (where {where:said}): {text}.",
    "penalty.victim-under": "the victim is under {age}",
    "penalty.circumstance": "{circumstance:aggravation}",
    # rules/diversion.py: offences within the reach of mediation
    "diversion.root": "no child sexual offence can be diverted to mediation",
    "diversion.none-exists": (
        "The source states that no {measure:measure} exists, so no case can be diverted from the formal justice "
        "system [{source:source}]."
    ),
    "diversion.threshold": (
        "{provision:cite.sends} cases punishable by up to {months:months} to mediation [{source:source}]."
    ),
    "diversion.what": "child sexual offence",
    "diversion.test": "{offence:offence.is} out of the reach of mediation",
    "diversion.carries-only": "only {penalty}",
    "diversion.carries-at-most": "at most {months:months}",
    "diversion.within": (
        "{offence:offence.carries} {carries:said}, within the mediation threshold of {threshold:months} set by "
        "{provision:cite} [{source:source}; {threshold_source:source}]: such cases may "
        "be settled by mediation instead of the "
        "formal justice system."
    ),
    "diversion.missing": (
        "a maximum penalty under {offence:offence} above {threshold:months}, or the offence's exclusion from mediation"
    ),
    "diversion.not-stated": (
        "The penalty under {offence:offence.is} not stated, so whether mediation could handle it cannot be told "
        "[{source:source}]."
    ),
    "diversion.above": (
        "{offence:offence.carries} {months:months}, more than the mediation threshold [{source:source}]."
    ),
    # rules/exceptions.py: a minimum age without exceptions
    "exceptions.root": "the minimum age for {subject:subject} holds without exception",
    "exceptions.holds": "{provision:cite.holds} without exception",
    "exceptions.allows": "{provision:cite.allows} {subject:subject} {floor:said} {conditions} [{source:source}].",
    "exceptions.not-said": "{shown:said}; the source does not say whether exceptions exist.",
    "exceptions.reported": (
        "Reported by a secondary or unconfirmed source: {provision:cite.allows} {subject:subject} {floor:said} "
        "{conditions} [{source:source}]."
    ),
    "exceptions.none": "{shown:said}, with no exception stated.",
    "exceptions.missing": "the minimum age for {subject:subject} without exceptions",
    "exceptions.primary-source": "a primary source on whether {provision:cite.allows} exceptions",
    "exceptions.same-for-all": "{provision:cite.sets} no lower age for one sex or population",
    "exceptions.lower-for-some": "{shown:said}, below the {age} the law sets elsewhere for {subject:subject}.",
    "exceptions.same-age": "the same minimum age of {age} for everyone",
    "exceptions.lower-subject": "no age for {subject:subject} below {age}",
    "exceptions.below-minimum": "{shown:said}, below the minimum age of {age}.",
    "exceptions.lower-subject-missing": "no {subject:subject} below the age of {age}",
    # rules/age_order.py: one age reaches another
    "order.what": "age for {subject:subject}",
    "order.test": "the age for {subject:subject} reaches the age for {at_least:subject}",
    "order.reaches": (
        "{shown:said}, which reaches the {age} of {provision:cite} for {subject:subject} [{source:source}]."
    ),
    "order.falls-short": (
        "{shown:said}, which falls short of the {age} of {provision:cite} for {subject:subject} [{source:source}]."
    ),
    "order.missing": "an age for {subject:subject} of at least {age}",
    # rules/gender.py: offences relied on protect victims of any sex
    "gender.what": "offence relied on for the listed requirements",
    "gender.test": "{offence:offence.protects} victims of any sex",
    "gender.limited": "{offence:offence.protects} only {sex:sex} victims [{source:source}].",
    "gender.any": "{offence:offence.protects} victims of any sex [{source:source}].",
    "gender.root": "every offence relied on for {requirements:req} protects victims of any sex",
    # rules/non_punishment.py: child victims are not punished for their own exploitation
    "nonpun.root": "child victims are not punished for their own exploitation",
    "nonpun.test": "{offence:offence.does} not punish child victims",
    "nonpun.adults-only": "{offence:offence.punishes} {conduct:conduct} by adults only [{source:source}].",
    "nonpun.reaches-children": (
        "{offence:offence.punishes} {conduct:conduct} and the source states no age limit on who commits it, so it "
        "reaches child victims [{source:source}]."
    ),
    "nonpun.offence-missing": "an exemption of child victims from {offence:offence}, or its limitation to adults",
    "nonpun.exempts": "{provision:cite.exempts} child victims explicitly",
    "nonpun.explicit-exempts": "The explicit exemption takes child victims out of the offences above.",
    "nonpun.no-exemption": (
        "No provision in the corpus provides for {measure:measure.a}; an exemption elsewhere in the law would "
        "change this finding."
    ),
    "nonpun.what": "{measure:measure} or offence of {conducts:conduct.or}",
    # gapcheck.suggest.steps: what a suggested change does to an offence ("it"), said in the report and in the
    # draft's comments; the terms come worded (and escaped for the format) as text
    "suggest.add-conduct": "extend it to {conducts:text.semi}",
    "suggest.extend-object": "extend what it protects to {objects:text.comma}",
    "suggest.any-purpose": "remove the restriction to particular purposes, so that it applies whatever the purpose",
    "suggest.add-purpose": "extend it to acts done for the purpose of {purposes:text.comma}",
    "suggest.drop-element": "remove the condition that narrows it ({elements:text.semi})",
    "suggest.add-element": "add the element: {elements:text.semi}",
    "suggest.own-offence": "make it an offence of its own, not only a form of {framings:text.comma}",
    "suggest.add-means": "make it expressly cover commission through {means:text.or}",
    "suggest.sex-neutral": "make it sex-neutral, so that it protects boys and girls alike",
    "suggest.protect-band": "protect every child {band}",
    "suggest.widen-band": "widen the victims it protects to every child {band}",
    "suggest.raise-penalty": "raise the maximum penalty to {months:months}, the benchmark the standards set",
    "suggest.new-offence": "a new offence beside {beside}",
    "suggest.penalty-benchmark": "with a maximum penalty of {months:months}, the benchmark the standards set",
    "suggest.penalty-comparable": (
        "with a maximum penalty of {months:months}, as for the offence it is placed beside: a placeholder for the "
        "legislator, as the standards set no benchmark"
    ),
    "suggest.no-penalty": (
        "with the penalty left for the legislator to set: the standards set no benchmark and no comparable offence "
        "states one"
    ),
    # gapcheck.suggest.steps: why no change is suggested for a requirement; what is missing is set out above the
    # sentence (the report, under the finding's reasoning) or listed below it (the draft's comments)
    "suggest.cause.met": "the requirement is already met.",
    "suggest.cause.measure": (
        "this requirement needs a measure outside the offence provisions ({where:said}); its content is a policy "
        "choice for the legislator."
    ),
    "suggest.cause.age-threshold": (
        "this requirement needs an age threshold outside criminal law; which age, within what the standard allows, "
        "is the legislator's choice."
    ),
    "suggest.cause.non-punishment": (
        "this requirement needs child victims to be exempted from punishment, a safeguard whose form is a policy "
        "choice, not an offence."
    ),
    "suggest.cause.diversion": (
        "this requirement needs a change to the threshold for mediation in procedural law, not an offence."
    ),
    "suggest.cause.unknown-penalties": (
        "the sources do not state the penalties this requirement turns on, so what would have to change is not known."
    ),
    "suggest.cause.unset-age": (
        "a new offence would need a victim age limit, such as the age of sexual consent, that the standard requires "
        "but does not set; choosing it is the legislator's."
    ),
    "suggest.cause.unreached": (
        "no amendment of the closest offences, and no new offence, met this requirement without weakening another; "
        "{where:said}."
    ),
    "suggest.missing-above": "what is missing is set out above",
    "suggest.missing-below": "what is missing is listed below",
}
