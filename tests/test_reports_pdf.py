"""`--format pdf`: the report prints as a short, well-filled, deterministic PDF."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from gapcheck.cli import main
from gapcheck.vocab import THEME_TITLES
from gapcheck.workspace import Workspace

ARTIFACTS = Path(__file__).parent / "_artifacts"


def _weasyprint_loads() -> bool:
    try:
        import weasyprint  # noqa: F401
    except OSError:  # Pango missing
        return False
    return True


pytestmark = pytest.mark.skipif(
    shutil.which("pdftoppm") is None or not _weasyprint_loads(),
    reason="needs poppler-utils (pdftoppm) and Pango for WeasyPrint; .ci/run installs both",
)


@pytest.fixture(scope="module")
def lao_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf")
    assert main(["report", "--out", str(out), "--format", "pdf"]) == 0
    return out / "la-report.pdf"


@pytest.fixture(scope="module")
def pages(lao_pdf: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Image.Image]:
    """Each page as a greyscale image."""
    folder = tmp_path_factory.mktemp("pages")
    subprocess.run(["pdftoppm", "-r", "40", "-gray", "-png", str(lao_pdf), str(folder / "p")], check=True)
    return [Image.open(p).convert("L") for p in sorted(folder.glob("p-*.png"))]


def _filled(page: Image.Image) -> float:
    """How far down the text area the ink reaches, 0 to 1 (the running header and the page number excluded)."""
    width, height = page.size
    top, bottom = round(height * 22 / 297), round(height * 281 / 297)  # inside the @page margins
    body = page.crop((0, top, width, bottom)).point(lambda v: 255 if v < 200 else 0)
    box = body.getbbox()
    return box[3] / body.height if box else 0.0


def _page_texts(pdf: Path) -> list[str]:
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    return done.stdout.split("\f")[:-1]


def _section_ends(pdf: Path) -> set[int]:
    """0-based pages that end a section: the page before one that opens with a section's heading, and the last."""
    headings = {*THEME_TITLES.values(), "Contents", "What is not known", "Sources"}
    texts = _page_texts(pdf)
    opening = {n for n, text in enumerate(texts) if _lines(text)[1:2] and _lines(text)[1] in headings}
    return {n - 1 for n in opening} | {len(texts) - 1}


def _lines(text: str) -> list[str]:
    """A page's lines, the running header first, without the page number."""
    return [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("Page ")]


def test_pdf_is_a_pdf_and_identical_across_runs(lao_pdf: Path, tmp_path: Path) -> None:
    assert lao_pdf.read_bytes().startswith(b"%PDF-")
    assert main(["report", "--out", str(tmp_path), "--format", "pdf"]) == 0
    assert (tmp_path / "la-report.pdf").read_bytes() == lao_pdf.read_bytes()


def test_lao_report_prints_in_well_under_30_pages(pages: list[Image.Image]) -> None:
    assert 3 <= len(pages) < 30


def test_no_page_is_more_than_two_thirds_empty_except_a_sections_last(lao_pdf: Path, pages: list[Image.Image]) -> None:
    ends = _section_ends(lao_pdf)
    sparse = [n + 1 for n, page in enumerate(pages) if _filled(page) < 1 / 3 and n not in ends]
    assert sparse == [], f"pages {sparse} are more than two-thirds empty"
    ARTIFACTS.mkdir(exist_ok=True)
    for n in (0, 2):
        pages[n].save(ARTIFACTS / f"la-report-pdf-{n + 1}.png")


def test_the_page_check_sees_an_empty_page() -> None:
    blank = Image.new("L", (330, 468), 255)
    full = Image.new("L", (330, 468), 0)
    assert _filled(blank) == 0.0 and _filled(full) == 1.0


def test_no_heading_is_left_at_the_bottom_of_a_page(lao_pdf: Path) -> None:
    run = Workspace.open().evaluate("la")
    headings = {f.title for f in run.evaluation.findings} | {*THEME_TITLES.values(), "What is not known", "Sources"}
    for number, text in enumerate(_page_texts(lao_pdf), start=1):
        lines = _lines(text)
        assert lines, f"page {number} is blank"
        assert not any(lines[-1].endswith(h) for h in headings), f"page {number} ends with the heading {lines[-1]!r}"


def test_contents_give_the_page_each_finding_starts_on(lao_pdf: Path) -> None:
    pages = _page_texts(lao_pdf)
    contents = next(n for n, page in enumerate(pages) if "Contents" in page)
    checked = 0
    for f in Workspace.open().evaluate("la").evaluation.findings:
        listed = re.search(re.escape(f.title) + r"[ .]*?\.( \.)* +(\d+)\b", pages[contents])
        if listed is None:  # the title wraps in its column
            continue
        first = next(n for n, page in enumerate(pages) if n > contents and f.title in " ".join(page.split()))
        assert int(listed.group(2)) == first + 1, f.title
        checked += 1
    assert checked >= 10


@pytest.mark.parametrize("command", ["matrix", "diff"])
def test_matrix_and_diff_print_too(command: str, tmp_path: Path) -> None:
    draft = Path(__file__).parent.parent / "statutes" / "la" / "drafts" / "possession-and-grooming.yaml"
    args = (
        ["matrix", "--format", "pdf", "--out", str(tmp_path)]
        if command == "matrix"
        else ["diff", "-a", str(draft), "--report-format", "pdf", "--out", str(tmp_path)]
    )
    main(args)
    written = list(tmp_path.glob("*.pdf"))
    assert [p.name for p in written] == [f"{command}.pdf"]
    assert written[0].read_bytes().startswith(b"%PDF-")
