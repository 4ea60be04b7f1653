"""What every vocabulary term means, with one example, and how reports word it: the source of docs/vocabulary.md.

Kept beside the enums of gapcheck.vocab, not in them, so that the terms stay
short to read; a test fails when a term has no entry here or the generated
reference is out of date (`python -m gapcheck.glossary > docs/vocabulary.md`).
Examples are illustrations of how a provision is modelled, not statements
about any country's law.
"""

import sys
from enum import StrEnum

from gapcheck import vocab
from gapcheck.catalogue import LABELS

Entry = tuple[str, str]  # (meaning, example)

GLOSSARY: dict[type[StrEnum], tuple[str, dict[str, Entry]]] = {
    vocab.Conduct: (
        "offences: `conduct`; requirements: `test.groups`",
        {
            "sell_child": (
                "Any act or transaction by which a child is transferred for remuneration or other consideration.",
                "An article punishing whoever sells or buys a child.",
            ),
            "offer_child": (
                "Offering a child, by whatever means, for sale or exploitation.",
                "Advertising a child for adoption against payment.",
            ),
            "deliver_child": (
                "Delivering a child to another person for exploitation.",
                "Handing over a child to an employer for forced labour.",
            ),
            "accept_child": ("Accepting a child for exploitation.", "Receiving a child into a brothel."),
            "traffic_child": (
                "Trafficking in a child: the acts of the chain (see trafficking acts) for exploitation.",
                "A trafficking offence whose victim is a person under 18.",
            ),
            "induce_adoption_consent": (
                "Improperly inducing consent to a child's adoption, as an intermediary.",
                "Paying a mother to consent to adoption.",
            ),
            "offer_for_prostitution": (
                "Offering a child for prostitution.",
                "Offering a child's sexual services to clients.",
            ),
            "obtain_for_prostitution": (
                "Obtaining a child for prostitution.",
                "Taking a child into one's control to prostitute her.",
            ),
            "procure_for_prostitution": (
                "Procuring (recruiting or inducing) a child into prostitution.",
                "Procuring a girl for a brothel.",
            ),
            "provide_for_prostitution": (
                "Providing a child to others for prostitution.",
                "Supplying children to clients.",
            ),
            "recourse_to_prostitution": (
                "Having recourse to a child for sexual services against payment or other consideration (the client).",
                "Paying a 15-year-old for sexual intercourse.",
            ),
            "facilitate_prostitution": (
                "Facilitating child prostitution: premises, transport, organisation, profit.",
                "Letting a room knowing it is used to prostitute children.",
            ),
            "force_into_prostitution": (
                "Forcing or coercing a child into prostitution.",
                "Compelling a child by threats to sell sex.",
            ),
            "sexual_intercourse": (
                "Sexual intercourse (penetration) with a child, whether or not by force.",
                "Sexual intercourse with a person under the age of consent.",
            ),
            "rape": (
                "Sexual intercourse by force, threat or without consent.",
                "A rape offence that also protects children.",
            ),
            "marital_rape": ("Rape within marriage.", "An offence of rape that does not exempt a husband."),
            "produce": ("Producing child sexual abuse material.", "Photographing a child in sexual poses."),
            "distribute": ("Distributing child sexual abuse material.", "Sending such images to others."),
            "disseminate": (
                "Disseminating child sexual abuse material to the public.",
                "Posting such images on a public website.",
            ),
            "import": ("Importing child sexual abuse material.", "Bringing such material across a border."),
            "export": ("Exporting child sexual abuse material.", "Sending such material abroad."),
            "offer": ("Offering child sexual abuse material.", "Offering such files for exchange."),
            "make_available": (
                "Making child sexual abuse material available, e.g. online.",
                "Sharing a folder of such files.",
            ),
            "sell": ("Selling child sexual abuse material.", "Selling such videos."),
            "display": ("Displaying child sexual abuse material.", "Showing such images to a child."),
            "possess": ("Possessing child sexual abuse material.", "Keeping such images on a phone."),
            "procure": (
                "Procuring child sexual abuse material for oneself or another.",
                "Buying such material online.",
            ),
            "access": (
                "Knowingly obtaining access to child sexual abuse material through ICT.",
                "Viewing such material by streaming without downloading.",
            ),
            "attend_performance": (
                "Knowingly attending (including online) pornographic performances involving children.",
                "Watching a live-streamed sexual abuse of a child.",
            ),
            "solicit_child": (
                "Soliciting a child for sexual purposes (grooming).",
                "Proposing through a chat application to meet a child for sex.",
            ),
            "facilitate_online_exploitation": (
                "Facilitating online sexual exploitation of children, including creating or maintaining such content.",
                "Running a site that hosts such material.",
            ),
            "marry_child": (
                "Marrying a child, or living with a child as if married.",
                "An offence for a man who marries a girl under 18.",
            ),
            "permit_child_marriage": (
                "Allowing, arranging or officiating a child marriage.",
                "An offence for parents who marry off a child.",
            ),
            "employ_child": (
                "Employing a child below the minimum age or in prohibited work.",
                "Employing a 12-year-old in a factory.",
            ),
            "indecent_act": (
                "Sexual acts with or before a child other than intercourse (indecent assault, touching, exposure).",
                "Touching a child's private parts for sexual gratification.",
            ),
            "abduct_child": (
                "Kidnapping or abducting a child: taking or keeping a child from lawful custody, by force or deceit.",
                "Taking a child from her parents without their consent.",
            ),
            "engage_in_prostitution": (
                "Engaging in prostitution: the person in prostitution is punished, a child victim included.",
                "An offence of 'engaging in prostitution' with no exemption for children.",
            ),
            "sexual_extortion": (
                "Coercing a child by threats into sexual acts or into making sexual material (sextortion).",
                "Threatening to publish a child's images unless she sends more.",
            ),
            "transport": (
                "Transporting child sexual abuse material (with that object): carrying or conveying it.",
                "Carrying a drive with such material through customs.",
            ),
        },
    ),
    vocab.Object: (
        "offences: `object`; requirements: `test.objects`",
        {
            "child": ("The conduct acts on a child (a person in the victim band).", "Selling a child."),
            "child_sexual_abuse_material": (
                "Material depicting a child in sexual activity or a child's sexual parts for sexual purposes.",
                "An offence on 'child pornography' defined by reference to children.",
            ),
            "pornography": (
                "Pornography in general, not specific to children.",
                "A general obscenity offence that also catches material depicting children.",
            ),
        },
    ),
    vocab.Purpose: (
        "offences: `purpose`; requirements: `test.purposes`",
        {
            "sexual_exploitation": ("For sexual exploitation.", "Trafficking for prostitution."),
            "forced_labour": ("For forced labour or services.", "Trafficking for work on fishing boats."),
            "organ_removal": ("For the removal of organs.", "Selling a child for a kidney."),
            "marriage": ("For marriage.", "Selling a girl into marriage."),
            "adoption": ("For adoption.", "Selling a baby for adoption."),
            "any": ("The offence names no purpose: it applies whatever the purpose.", "Selling a child, whatever for."),
        },
    ),
    vocab.Element: (
        "offences: `elements`; requirements: `test.partial_elements`, `excluded_elements`, `required_elements`",
        {
            "intent_to_distribute": (
                "The offence requires an intent to distribute.",
                "Possession punished only 'with intent to distribute'.",
            ),
            "remuneration": (
                "The offence requires payment or another benefit.",
                "Sexual relations with a child 'in exchange for money'.",
            ),
            "force_or_coercion": ("The offence requires force, threat or coercion.", "Procuring a child 'by force'."),
            "means_required": (
                "A trafficking offence requires a means (force, deception, abuse of power...) even for children.",
                "Child trafficking defined as recruitment 'by deception'.",
            ),
            "adult_offender_only": (
                "Only adults can commit it.",
                "Child marriage punished only when the spouse is an adult.",
            ),
            "transnational_only": ("Only cross-border conduct is covered.", "Trafficking 'across the border' only."),
            "abuse_of_trust": (
                "The offender abuses a position of trust, authority or influence over the child.",
                "Sexual activity by a teacher with a pupil.",
            ),
            "purpose_distribution": (
                "Possession punished only when it is for distribution.",
                "Possession 'for the purpose of distributing'.",
            ),
            "purpose_sexual_gratification": (
                "Possession punished only when it is for sexual gratification.",
                "Possession 'for sexual gratification'.",
            ),
            "custodian_only": (
                "Abuse of trust limited to custodians (parent, guardian), not any position of trust.",
                "Sexual activity by 'a person having custody of the child'.",
            ),
            "single_platform": (
                "Limited to one means or platform of communication.",
                "Grooming 'by means of a telecommunication service' only.",
            ),
            "meeting_request_only": (
                "Solicitation punished only when followed by a proposal or act to meet.",
                "Grooming only where 'a meeting is arranged'.",
            ),
            "victim_punishable": (
                "The child victim is also punishable.",
                "An offence of engaging in prostitution that applies to the child sold.",
            ),
        },
    ),
    vocab.Means: (
        "offences: `means`; requirements: `test.means`",
        {
            "ict": (
                "The offence is framed for commission through information and communication technologies.",
                "Grooming 'through the internet'.",
            )
        },
    ),
    vocab.Label: (
        "offences: `label`",
        {
            "offence": ("A crime of its own.", "A separate offence of selling a child."),
            "trafficking": (
                "Covered only as a form or part of the trafficking offence.",
                "Sale of children listed among the acts of trafficking.",
            ),
        },
    ),
    vocab.TraffickingAct: (
        "offences: `acts`; requirements: `test.acts`",
        {
            "recruitment": ("Recruiting the person.", "Recruiting girls in villages for 'restaurant work'."),
            "transportation": ("Transporting the person.", "Driving children across a province."),
            "transfer": ("Transferring control over the person.", "Handing a child to another trafficker."),
            "harbouring": ("Harbouring the person.", "Keeping children in a safe house."),
            "receipt": ("Receiving the person.", "Receiving children at a brothel."),
        },
    ),
    vocab.Combination: (
        "penalties: `combination`",
        {
            "and": ("Imprisonment and a fine, both imposed.", "'imprisonment of up to 5 years and a fine'."),
            "or": (
                "Imprisonment or a fine: a court may impose a fine alone.",
                "'imprisonment of up to 5 years or a fine'.",
            ),
            "and_or": ("Either or both.", "'imprisonment or a fine or both'."),
        },
    ),
    vocab.Aggravation: (
        "penalties: `aggravated[].circumstance`",
        {
            "as_business": (
                "Committed as a business or habitually for gain.",
                "Procuring 'as a trade' carries a higher penalty.",
            ),
            "victim_under_age": (
                "The victim is under a stated age (`victim_below`).",
                "A higher penalty where the child is under 12.",
            ),
            "person_in_authority": (
                "Committed by a person in authority or trust over the victim.",
                "A higher penalty for a parent or teacher.",
            ),
            "organised_group": ("Committed by an organised criminal group.", "Trafficking by a gang."),
            "repeat_offence": ("A repeat offence.", "A second conviction."),
            "serious_harm": ("It caused serious harm or death.", "The victim contracted HIV."),
        },
    ),
    vocab.Authority: (
        "threshold exceptions: `granted_by`",
        {
            "court": ("A court may allow the lower age.", "Marriage at 16 with a court's leave."),
            "parent": ("Parents or guardians may allow it.", "Marriage at 16 with parental consent."),
            "religious_authority": (
                "A religious authority or court may allow it.",
                "Marriage below 16 with a Syariah judge's permission.",
            ),
            "executive": (
                "An executive authority may allow it.",
                "Marriage with a minister's or chief minister's licence.",
            ),
            "not_stated": ("The source does not say who may allow it.", "'in special cases'."),
        },
    ),
    vocab.Population: (
        "jurisdiction: `populations[].kind`",
        {
            "personal_law": (
                "A personal-law system (religious or customary) applying to part of the population.",
                "Islamic family law applying to Muslims.",
            ),
            "region": (
                "A sub-national unit whose law differs (state, province, region).",
                "A state enactment on marriage.",
            ),
        },
    ),
    vocab.InstrumentKind: (
        "statutes: `instrument.kind`",
        {
            "law": ("A statute adopted by the legislature.", "The Law on Children."),
            "code": ("A code (penal, civil...).", "The Penal Code."),
            "decree": ("A decree or regulation of the executive.", "A decree on adoption."),
            "policy": ("A policy or administrative measure without the force of law.", "A ministerial moratorium."),
            "treaty-practice": (
                "The state's practice under a treaty (a declaration, an extradition arrangement).",
                "The minimum age declared on ratifying ILO C138.",
            ),
        },
    ),
    vocab.InstrumentType: (
        "standards: `instrument.type`",
        {
            "treaty": ("A treaty: binds a state that is party to it.", "The OPSC."),
            "regional_law": ("Law of a regional organisation: binds its members.", "An EU directive."),
            "recommendation": (
                "A recommendation (e.g. to one state in a country report): does not bind.",
                "A Special Rapporteur's report.",
            ),
            "guidance": (
                "An authoritative interpretation: does not bind by itself.",
                "A treaty body's general comment.",
            ),
            "model_law": ("A model law or review: does not bind.", "ICMEC's model legislation."),
        },
    ),
    vocab.TreatyAct: (
        "jurisdiction: `treaties[].events[].act`",
        {
            "signature": (
                "Signature: does not bind, beyond not defeating the treaty's object and purpose.",
                "Signed in 2002.",
            ),
            "ratification": ("Ratification: binds from its date as recorded.", "Ratified in 2005."),
            "accession": ("Accession: binds like ratification, without prior signature.", "Acceded in 2006."),
            "succession": ("Succession to a predecessor state's treaty.", "Succeeded on independence."),
            "acceptance": ("Acceptance: binds like ratification.", "Accepted in 2010."),
            "approval": ("Approval: binds like ratification.", "Approved in 2010."),
            "denunciation": ("Denunciation: ends the obligation from its date.", "Denounced in 2020."),
        },
    ),
    vocab.Binding: (
        "findings: `binding[].status`",
        {
            "binding": ("The state is party on the analysis date.", "OPSC, accession on 2006-09-20."),
            "signed": ("Signed but not ratified by the analysis date.", "Signed, not ratified."),
            "not_party": (
                "Not a party on the analysis date (never, or only later).",
                "Acceded in 2022; the analysis is of 2020.",
            ),
            "not_recorded": (
                "The jurisdiction's data does not record its status: unknown.",
                "No entry under `treaties`.",
            ),
            "not_a_treaty": (
                "The instrument cannot bind (a recommendation, guidance, a model law).",
                "ICMEC model legislation.",
            ),
        },
    ),
    vocab.Sex: (
        "victims, thresholds `by_sex`, exceptions",
        {
            "any": ("Any sex.", "'a child'."),
            "female": ("Women and girls only.", "'a girl'."),
            "male": ("Men and boys only.", "'a boy'."),
        },
    ),
    vocab.Subject: (
        "thresholds: `subject`",
        {
            "marriage": ("Minimum age of marriage.", "18 for men, 16 for women."),
            "employment": ("Minimum age for admission to employment.", "14."),
            "light_work": ("Minimum age for light work.", "12."),
            "hazardous_work": ("Minimum age for hazardous work.", "18."),
            "compulsory_education_end": ("Age at which compulsory education ends.", "Primary school, to about 11."),
            "sexual_consent": ("Age of sexual consent.", "16, with a close-in-age exemption from 13."),
        },
    ),
    vocab.MeasureKind: (
        "measures: `kind`; jurisdiction `absences[].measure`",
        {
            "surrogacy_prohibition": (
                "Surrogacy arrangements amounting to sale are prohibited.",
                "A ban on commercial surrogacy.",
            ),
            "adoption_safeguards": (
                "Safeguards against sale in adoption.",
                "Consent after birth, no improper financial gain.",
            ),
            "csam_definition": (
                "A definition of child sexual abuse material meeting the standards.",
                "A definition covering any representation of a child.",
            ),
            "isp_reporting_duty": (
                "Internet service providers must report child sexual abuse material.",
                "A duty to notify the police.",
            ),
            "isp_blocking_power": (
                "A power to block or take down content (weaker than a duty).",
                "An authority may order blocking.",
            ),
            "extraterritorial_jurisdiction": (
                "Jurisdiction over offences committed abroad (`bases`).",
                "Nationals abroad.",
            ),
            "legal_person_liability": ("Legal persons can be held liable.", "A company fined for an offence."),
            "attempt_complicity": ("Attempt and complicity are punishable.", "General part of the penal code."),
            "mediation_threshold": (
                "Cases punishable up to `max_penalty` may be mediated outside the formal justice system.",
                "Village mediation of cases up to 3 years.",
            ),
            "victim_compensation": (
                "Child victims can obtain compensation.",
                "A right to claim damages in criminal proceedings.",
            ),
            "child_friendly_procedure": (
                "Child-friendly procedure (no confrontation, support).",
                "Testimony by video link.",
            ),
            "hazardous_work_prohibition": (
                "Hazardous work by children is prohibited.",
                "A list of hazardous occupations.",
            ),
            "worst_forms_prohibition": (
                "The worst forms of child labour are prohibited.",
                "A ban mirroring ILO C182 art. 3.",
            ),
            "minimum_age_declaration": (
                "A minimum age declared under ILO C138 art. 2 (`age`).",
                "14, declared on ratification.",
            ),
            "intercountry_adoption_moratorium": ("Intercountry adoption suspended.", "A moratorium since 2012."),
            "non_punishment_child_prostitution": (
                "Children in prostitution are not punished.",
                "An express exemption of child victims from the prostitution offence.",
            ),
            "non_punishment_child_depicted": (
                "Children depicted in sexual material are not punished.",
                "An exemption of the child shown from the material offences.",
            ),
            "non_punishment_self_generated": (
                "Children who generate sexual material of themselves are not punished.",
                "No offence for a teenager's own images.",
            ),
            "csam_definition_virtual": (
                "The definition of child sexual abuse material reaches simulated and computer-generated material.",
                "'any representation, real or simulated'.",
            ),
            "limitation_from_majority": (
                "Limitation runs from the victim's majority, or there is none.",
                "Prosecution possible until the victim is 38.",
            ),
            "jurisdiction_without_double_criminality": (
                "Jurisdiction over nationals abroad without requiring the act to be a crime where it was committed.",
                "Prosecution of a national for abuse abroad, whatever the local law.",
            ),
            "isp_endeavour_duty": (
                "A duty on service providers to endeavour (take reasonable steps) to prevent abuse; not reporting.",
                "'shall take reasonable measures to prevent'.",
            ),
            "mandatory_reporting_duty": (
                "A duty on professionals or others to report child sexual abuse.",
                "Doctors must report suspected abuse.",
            ),
        },
    ),
    vocab.MeasureStatus: (
        "measures: `status`",
        {
            "explicit": ("The law says it.", "An express ban."),
            "de_facto": ("It follows from another rule.", "A ban on pre-birth adoption read as a surrogacy ban."),
            "partial": ("The source says only some of it is there.", "Safeguards for domestic adoption only."),
            "none": ("The source says it is not there.", "'there is no legislation on surrogacy'."),
        },
    ),
    vocab.Basis: (
        "measures: `bases`",
        {
            "nationality": ("Offences by the state's nationals abroad.", "A citizen abusing children abroad."),
            "passive_personality": (
                "Offences against the state's nationals abroad.",
                "A national child abused abroad.",
            ),
            "residence": ("Offences by habitual residents abroad.", "A resident foreigner abroad."),
        },
    ),
    vocab.Theme: (
        "requirements: `theme`; completeness and unknowns",
        {
            "sale": ("Sale of children and trafficking.", "sale-separate-offence."),
            "prostitution": ("Child prostitution and sexual abuse.", "prostitution-client-offence."),
            "csam": ("Child sexual abuse material and online exploitation.", "csam-possession."),
            "marriage": ("Child marriage.", "marriage-min-age-18."),
            "labour": ("Child labour.", "employment-min-age."),
            "procedure": ("Jurisdiction, liability and procedure.", "no-informal-diversion."),
            "victims": ("Child victims: non-punishment.", "non-punishment-child-prostitution."),
        },
    ),
    vocab.Scope: (
        "unknowns: `scope`",
        {
            "law": ("What the law says is not known.", "The provision on compensation is not named."),
            "application": ("Only its application is not known.", "How a new code is applied."),
        },
    ),
    vocab.Status: (
        "findings: `status`",
        {
            "met": ("In-force provisions satisfy the requirement.", "A possession offence for all children."),
            "partial": ("They satisfy part of it.", "Girls only."),
            "gap": (
                "The law does not satisfy it, and the sources say so.",
                "No possession offence, corpus complete for csam.",
            ),
            "unknown": ("The facts needed are not in the corpus.", "No source on compensation."),
        },
    ),
    vocab.TestKind: (
        "requirements: `test.kind`",
        {
            "criminalization": ("Each group of conducts is covered by an in-force offence.", "csam-possession."),
            "separate_offence": ("As criminalization, as a crime of its own.", "sale-separate-offence."),
            "min_age": ("A threshold at or above a minimum.", "marriage-min-age-18."),
            "no_exceptions": ("A threshold without lower exceptions.", "marriage-no-exceptions."),
            "age_order": ("One threshold reaches another.", "Schooling until the employment age."),
            "penalty": ("Covering offences reach a maximum penalty.", "trafficking-penalty."),
            "measure": ("A legal measure is in the law.", "surrogacy-prohibition."),
            "gender_neutral": ("Offences relied on protect any sex.", "gender-neutral-protection."),
            "diversion": ("No child sexual offence can be diverted to informal mediation.", "no-informal-diversion."),
            "non_punishment": (
                "Child victims are not punished for what was done to them.",
                "non-punishment-child-depicted.",
            ),
        },
    ),
    vocab.ProcedureElement: (
        "measures: `elements`; requirements: `test.elements` (OPSC art. 8(1))",
        {
            "adapted_procedures": (
                "Procedures adapted to the special needs of child victims, including as witnesses (art. 8(1)(a)).",
                "A child testifies by video link or behind a screen.",
            ),
            "information": (
                "Child victims are informed of their rights, their role and the progress of the case (art. 8(1)(b)).",
                "The prosecutor must tell the child and guardian of each hearing.",
            ),
            "views_heard": (
                "The views, needs and concerns of child victims are presented and considered (art. 8(1)(c)).",
                "The court hears the child before deciding on protective measures.",
            ),
            "privacy": (
                "The privacy and identity of child victims are protected (art. 8(1)(e)).",
                "Publishing a child victim's name is an offence.",
            ),
            "protection_from_intimidation": (
                "Child victims, their families and witnesses are kept safe from intimidation and retaliation "
                "(art. 8(1)(f)).",
                "A protection order for a child witness and family.",
            ),
            "no_undue_delay": (
                "Unnecessary delay in the case is avoided (art. 8(1)(g)).",
                "Cases involving child victims are heard with priority.",
            ),
        },
    ),
    vocab.Provenance: (
        "every `source`: `provenance`",
        {
            "stated": ("The cited source says it.", "An Act's section, cited for what it provides."),
            "secondary": (
                "A source other than the primary one says it.",
                "A newspaper report of a law's entry into force.",
            ),
            "inferred": (
                "Read into the law from what a source says, not stated by anyone.",
                "A law's purposes inferred from 'in line with the Protocol'.",
            ),
        },
    ),
}


def phrase(term: str, vocabulary: str) -> str:
    """A term as a phrase for prose, from its meaning: `possess` (Conduct) -> `possessing child sexual abuse
    material`. A term the glossary does not hold is written in words (`hazardous_work` -> `hazardous work`)."""
    entries = next((e for enum, (_, e) in GLOSSARY.items() if enum.__name__ == vocabulary), {})
    meaning = entries.get(term, (term.replace("_", " "),))[0].rstrip(".")
    return meaning[:1].lower() + meaning[1:] if meaning[1:2].islower() else meaning


# How reports word each vocabulary's terms: the kinds of the message catalogue (gapcheck.catalogue.LABELS)
# that label them, the first for every term, the others (with what they say) for the terms they list.
REPORT_LABELS: dict[type[StrEnum], tuple[tuple[str, str], ...]] = {
    vocab.Aggravation: (("aggravation", ""),),
    vocab.Authority: (("authority", ""),),
    vocab.Basis: (("basis", ""),),
    vocab.Conduct: (("conduct", ""),),
    vocab.Element: (("element", ""), ("narrowing", "as a narrowing: ")),
    vocab.InstrumentType: (("instrument_type", ""),),
    vocab.Label: (("framing", ""),),
    vocab.Means: (("means", ""),),
    vocab.MeasureKind: (("measure", ""),),
    vocab.MeasureStatus: (("status", ""),),
    vocab.Object: (("object", ""),),
    vocab.ProcedureElement: (("procedure_element", ""),),
    vocab.Purpose: (("purpose", ""),),
    vocab.Scope: (("scope", ""),),
    vocab.Sex: (("sex", ""), ("sexes", "as a group: ")),
    vocab.Subject: (("subject", ""),),
    vocab.Theme: (("theme", ""),),
    vocab.TraffickingAct: (("act", ""),),
}


def report_label(enum: type[StrEnum], term: str) -> str:
    """How reports word a term: its catalogue label (else the term with spaces), and its other labels."""
    (kind, _), *others = REPORT_LABELS[enum]
    said = [LABELS[kind].get(term, term.replace("_", " "))]
    return "; ".join(said + [f"{what}{LABELS[k][term]}" for k, what in others if term in LABELS[k]])


def markdown() -> str:
    """The vocabulary reference, every term with its meaning, one example and the words reports use for it."""
    lines = [
        "# Vocabulary",
        "",
        "Every controlled term of the data files, with what it means and one example.",
        "Generated from `engine/glossary.py` (`python -m gapcheck.glossary > docs/vocabulary.md`);",
        "a test fails when a term is missing or this file is out of date. Examples illustrate",
        "how a provision is modelled; they state nothing about any country's law.",
        "Where reports name a term, *in reports* gives their words (the labels of `engine/catalogue.py`).",
    ]
    for enum, (where, entries) in sorted(GLOSSARY.items(), key=lambda kv: kv[0].__name__):
        lines += ["", f"## {enum.__name__}", "", f"{(enum.__doc__ or '').splitlines()[0]} Used in {where}.", ""]
        labelled = enum in REPORT_LABELS
        lines += ["| term | meaning | example |" + (" in reports |" if labelled else "")]
        lines += ["|---|---|---|" + ("---|" if labelled else "")]
        for member in enum:
            meaning, example = entries[member.value]
            said = f" {report_label(enum, member.value)} |" if labelled else ""
            lines.append(f"| `{member.value}` | {meaning} | {example} |{said}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(markdown())
