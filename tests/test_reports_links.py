"""Citations in the HTML report link to the documents they cite; a Sources section lists them all."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markupsafe import escape

from gapcheck.cli import main
from gapcheck.readings import contests

# The official addresses, written out independently of gapcheck.output.links: a link must go
# to the document its text names.
KNOWN = {
    "A/HRC/40/51/Add.1": "https://docs.un.org/en/A/HRC/40/51/Add.1",
    "CRC/C/OPSC/LAO/CO/1": "https://docs.un.org/en/CRC/C/OPSC/LAO/CO/1",
    "OPSC": "https://www.ohchr.org/en/instruments-mechanisms/instruments/"
    "optional-protocol-convention-rights-child-sale-children-child",
    "CRC": "https://www.ohchr.org/en/instruments-mechanisms/instruments/convention-rights-child",
    "CEDAW": "https://www.ohchr.org/en/instruments-mechanisms/instruments/"
    "convention-elimination-all-forms-discrimination-against-women",
    "Palermo Protocol": "https://www.ohchr.org/en/instruments-mechanisms/instruments/"
    "protocol-prevent-suppress-and-punish-trafficking-persons",
    "Lanzarote Convention": "https://www.coe.int/en/web/conventions/full-list?module=treaty-detail&treatynum=201",
    "Budapest Convention": "https://www.coe.int/en/web/conventions/full-list?module=treaty-detail&treatynum=185",
    "Hague Convention 1993": "https://www.hcch.net/en/instruments/conventions/full-text/?cid=69",
    "ILO C138": "https://normlex.ilo.org/dyn/nrmlx_en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C138",
    "ILO C182": "https://normlex.ilo.org/dyn/nrmlx_en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C182",
    "ILO R146": "https://normlex.ilo.org/dyn/nrmlx_en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:R146",
    "EU Directive 2011/36": "https://eur-lex.europa.eu/eli/dir/2011/36/oj",
    "EU Directive 2011/93": "https://eur-lex.europa.eu/eli/dir/2011/93/oj",
    "Joint GR 31 / GC 18": "https://docs.un.org/en/CEDAW/C/GC/31/Rev.1",
    "Joint general recommendation No. 31": "https://docs.un.org/en/CEDAW/C/GC/31/Rev.1",
}
# What counts as a citation of a UN document, a treaty or an ILO instrument in running text.
CITES = re.compile(
    r"\b(?:A/HRC/\d+|CRC/C/|CEDAW/C/)|\bOPSC\b|\bILO [CR]\d+|Palermo Protocol|Lanzarote Convention"
    r"|Budapest Convention|Hague Convention|EU Directive|Joint GR|\b(?:CRC|CEDAW) arts?\. "
)


class Page(HTMLParser):
    """Text outside links, and each link's text and address."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_link: str | None = None
        self.skip = 0
        self.loose: list[str] = []
        self.links: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "title"):
            self.skip += 1
        if tag == "a":
            self.in_link = dict(attrs).get("href") or ""
            self.links.append((self.in_link, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title"):
            self.skip -= 1
        if tag == "a":
            self.in_link = None

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.in_link is not None:
            href, text = self.links[-1]
            self.links[-1] = (href, text + data)
        else:
            self.loose.append(data)


@pytest.fixture(scope="module")
def lao_html(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("report")
    assert main(["report", "--out", str(out), "--format", "html"]) == 0
    return (out / "la-report.html").read_text(encoding="utf-8")


def _parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


def test_every_citation_of_a_un_document_treaty_or_ilo_instrument_is_a_link(lao_html: str) -> None:
    page = _parse(lao_html)
    unlinked = [text.strip() for text in page.loose if CITES.search(text)]
    assert unlinked == []


def test_each_citation_links_to_the_document_its_text_names(lao_html: str) -> None:
    cites = [(href, text) for href, text in _parse(lao_html).links if href.startswith("http")]
    assert cites, "the report cites nothing"
    for href, text in cites:
        symbol = re.match(r"(?:A|CRC|CEDAW)/[A-Za-z0-9./]+?(?=\s|$)", text)
        if symbol:  # any UN document symbol goes to the UN's document system
            assert href == "https://docs.un.org/en/" + symbol.group(0), text
            continue
        named = [doc for doc in sorted(KNOWN, key=len, reverse=True) if text.startswith(doc)]
        assert named, f"a link to {href} whose text names no known document: {text!r}"
        assert href == KNOWN[named[0]], text
    assert {KNOWN["A/HRC/40/51/Add.1"], KNOWN["OPSC"], KNOWN["ILO C138"]} <= {h for h, _ in cites}


def test_the_sources_section_lists_every_cited_document_with_its_uses(lao_html: str) -> None:
    sources = lao_html[lao_html.index('<section id="sources">') :]
    body = lao_html[: lao_html.index('<section id="sources">')]
    cited = {href for href, _ in _parse(body).links if href.startswith("http")}
    listed = {href for href, _ in _parse(sources).links if href.startswith("http")}
    assert cited - listed == set(), "documents cited but not among the sources"
    rows = re.findall(r'<tr><th scope="row">(.*?)</th><td><ul>(.*?)</ul></td></tr>', sources, re.S)
    assert rows and all("<li>" in uses for _, uses in rows)
    report = next(uses for doc, uses in rows if "A/HRC/40/51/Add.1" in doc)
    assert "¶29: " in report and "recommendation on" in report


ACT_WITH_URL = """\
instrument:
  title: Children Act
  kind: law
  adopted: 2010
  url: https://example.org/children-act
  source:
    cite: Official Gazette No. 12
    url: https://example.org/gazette-12
provisions:
  - id: art-1
    article: "1"
    heading: Sale of children
    source: A/HRC/40/51/Add.1 ¶30
    offences:
      - id: o
        conduct: [sell_child]
        source: A/HRC/40/51/Add.1 ¶30
"""


def test_a_national_law_links_to_the_address_the_corpus_gives(jurisdiction, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = jurisdiction({"act.yaml": ACT_WITH_URL})
    assert main(["report", "-j", str(folder), "--out", str(tmp_path / "out"), "--format", "html,md"]) == 0
    html = (tmp_path / "out" / "tl-report.html").read_text(encoding="utf-8")
    assert '<a class="cite" href="https://example.org/children-act">Article 1, Children Act (2010)</a>' in html
    md = (tmp_path / "out" / "tl-report.md").read_text(encoding="utf-8")
    assert "[Article 1, Children Act \\(2010\\)](https://example.org/children-act)" in md


def test_a_url_that_is_not_a_web_address_is_refused_with_its_location(jurisdiction, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = jurisdiction({"act.yaml": ACT_WITH_URL.replace("https://example.org/children-act", "javascript:x")})
    assert main(["validate", str(folder)]) == 2
    assert "act.yaml:5:" in capsys.readouterr().err


def test_the_sources_of_contested_facts_are_listed_among_the_sources(lao_html: str, workspace) -> None:  # type: ignore[no-untyped-def]
    run = workspace.evaluate("la")
    chosen = [c for k in contests(run.corpus) if k.name in run.evaluation.explored for c in k.choices]
    assert chosen, "la on its date explores the 2017 Code's entry into force"
    listed = lao_html.split('<section id="sources">', 1)[1].split("</section>", 1)[0]
    assert "contested fact behind" in listed
    for choice in chosen:  # a source the link table knows is listed by document, any other by its own words
        assert str(escape(choice.source)) in listed or choice.source.split(" ", 1)[0] in listed, choice.source
