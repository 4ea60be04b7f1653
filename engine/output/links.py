"""Citations that link: UN symbols to the UN's document system, treaties to their official text, ILO to NORMLEX.

A reader checks a citation by following it. `linkify` finds the citations in a line of text
(a UN document symbol, or a treaty's short name, with the pinpoint that follows) and wraps each
in a link; everything else is escaped as text. National laws link through the optional `url`
the corpus gives an instrument or a source.
"""

import re
from functools import lru_cache

from markupsafe import Markup, escape

UN_DOCS = "https://docs.un.org/en/"
NORMLEX = "https://normlex.ilo.org/dyn/nrmlx_en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:"
OHCHR = "https://www.ohchr.org/en/instruments-mechanisms/instruments/"
COE = "https://www.coe.int/en/web/conventions/full-list?module=treaty-detail&treatynum="

JOINT_GR = "Joint general recommendation No. 31 of CEDAW / general comment No. 18 of the CRC (revised 2019)"

# The official text of each instrument the standards cite, under every name the reports print.
TREATIES: dict[str, str] = {
    "OPSC": OHCHR + "optional-protocol-convention-rights-child-sale-children-child",
    "CRC": OHCHR + "convention-rights-child",
    "CEDAW": OHCHR + "convention-elimination-all-forms-discrimination-against-women",
    "Palermo Protocol": OHCHR + "protocol-prevent-suppress-and-punish-trafficking-persons",
    "Lanzarote Convention": COE + "201",
    "Budapest Convention": COE + "185",
    "Hague Convention 1993": "https://www.hcch.net/en/instruments/conventions/full-text/?cid=69",
    "EU Directive 2011/36": "https://eur-lex.europa.eu/eli/dir/2011/36/oj",
    "EU Directive 2011/93": "https://eur-lex.europa.eu/eli/dir/2011/93/oj",
    "ILO C138": NORMLEX + "C138",
    "ILO C182": NORMLEX + "C182",
    "ILO R146": NORMLEX + "R146",
    "Joint GR 31 / GC 18": UN_DOCS + "CEDAW/C/GC/31/Rev.1",
    JOINT_GR: UN_DOCS + "CEDAW/C/GC/31/Rev.1",
}

# Longer names the data uses for an instrument, and the short name it is listed under.
ALIASES = {JOINT_GR: "Joint GR 31 / GC 18"}

# A UN document symbol: a series (A/, CRC/C/, CEDAW/C/...) and its components, e.g. A/HRC/40/51/Add.1.
_SERIES = r"(?:A|E|S|CRC|CEDAW|CCPR|CAT|CERD|CRPD|CMW|E/C\.12|HRC)"
_SYMBOL = rf"\b{_SERIES}(?:/[A-Za-z0-9]+(?:\.[0-9]+)?)+"
# What may follow a name: ¶29, ¶66(b)-(c), art. 3(1)(a), arts. 1, 34, para. 55(f), criterion 3.
_PIN = r"(?:¶\s?\d+[a-z]?(?:\([a-z0-9]+\))*(?:-\([a-z0-9]+\))?(?:,\s?¶\d+(?:\([a-z0-9]+\))*)*"
_PIN += r"|(?:arts?\.|paras?\.|art\b|para\b)\s?\d+(?:\([a-z0-9]+\))*(?:\s?-\s?\(?[a-z0-9]+\)?)*"
_PIN += r"(?:,\s\d+(?:\([a-z0-9]+\))*)*)"
_NAMES = "|".join(re.escape(n) for n in sorted(TREATIES, key=len, reverse=True))
# Every citation starts with one of these letters: looked ahead for first, the search skips the other
# positions without trying each alternative there (half the time of rendering a matrix's reasons).
_FIRST = "".join(sorted({name[0] for name in TREATIES} | {"A", "E", "S", "C", "H"}))
CITATION = re.compile(
    rf"(?=[{_FIRST}])"
    rf"(?:(?P<symbol>{_SYMBOL})(?:\s(?P<spin>{_PIN}))?|(?<![\w/])(?P<name>{_NAMES})(?!\w)(?:\s(?P<npin>{_PIN}))?)"
)


def symbol_url(symbol: str) -> str:
    """The UN document system's address of a document symbol."""
    return UN_DOCS + symbol


def citation_url(text: str) -> str | None:
    """The address of the first document cited in `text`, or None when it cites none that is known."""
    m = CITATION.search(text)
    if m is None:
        return None
    return symbol_url(m["symbol"]) if m["symbol"] else TREATIES[m["name"]]


def document_of(text: str) -> str | None:
    """The document a citation names (a UN symbol or a treaty's short name), without its pinpoint."""
    found = citations(text)
    return found[0][0] if found else None


def citations(text: str) -> list[tuple[str, str]]:
    """Each (document, pinpoint) cited in a text, documents by their short names."""
    out = []
    for m in CITATION.finditer(text):
        doc = m["symbol"] or m["name"]
        out.append((ALIASES.get(doc, doc), m["spin"] or m["npin"] or ""))
    return out


def segments(text: str, url: str | None = None) -> list[tuple[str, str | None]]:
    """`text` cut into (part, address) pieces: each known citation with its address, the rest with None.

    With `url`, a text that cites nothing known links there as a whole (a national law's own address).
    """
    return list(_segments(str(text), url))  # a plain str: a subclass (Markup) would share its cache entry


@lru_cache(maxsize=1 << 14)
def _segments(text: str, url: str | None) -> tuple[tuple[str, str | None], ...]:
    """`segments`, remembered: a matrix or a report repeats the same lines (a law on several dates, the
    same source cited in many findings), and the search of citations is most of what rendering costs."""
    out: list[tuple[str, str | None]] = []
    last = 0
    for m in CITATION.finditer(text):
        if m.start() > last:
            out.append((text[last : m.start()], None))
        out.append((m.group(0), symbol_url(m["symbol"]) if m["symbol"] else TREATIES[m["name"]]))
        last = m.end()
    if last == 0 and url:
        return ((text, url),)
    if last < len(text) or not out:
        out.append((text[last:], None))
    return tuple(out)


def linkify(text: object, url: str | None = None) -> Markup:
    """Escaped HTML of `text` with each citation in it a link."""
    return _linkified(str(text), url)


@lru_cache(maxsize=1 << 14)
def _linkified(text: str, url: str | None) -> Markup:
    return Markup(
        "".join(
            f'<a class="cite" href="{escape(href)}">{escape(part)}</a>' if href else str(escape(part))
            for part, href in _segments(text, url)
        )
    )
