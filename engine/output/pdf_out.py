"""PDF from the HTML reports, through WeasyPrint and the print stylesheet, byte-identical for the same input.

The HTML is already self-contained, so nothing is fetched. The file identifier is derived from
the HTML and no creation or modification date is stamped, so the same report gives the same bytes.
"""

import hashlib


def html_to_pdf(html: str) -> bytes:
    """The PDF of a rendered HTML page, with tagged structure for screen readers."""
    import weasyprint  # imported here: it loads Pango, which only the PDF format needs

    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    document = weasyprint.HTML(string=html, base_url=None, url_fetcher=_no_fetch)
    pdf = document.write_pdf(pdf_identifier=identifier, pdf_tags=True)
    assert isinstance(pdf, bytes)
    return pdf


def _no_fetch(url: str, timeout: int = 10, ssl_context: object = None) -> dict[str, object]:
    """Refuse every fetch: a report that needs the network is a bug."""
    raise ValueError(f"reports are self-contained; refusing to fetch {url}")
