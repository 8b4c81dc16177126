"""The document in its three formats, read back by real readers: poppler for the PDF,
python-docx for the DOCX; and the same input publishing the same bytes."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from publish.kit import EXAMPLE, pdftotext
from spbe_arch.load import load
from spbe_arch.publish import PublishError, PublishResult, publish


def _tool(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def test_pdf_holds_every_element_and_roadmap_item(example_site: tuple[Path, PublishResult]) -> None:
    out, _ = example_site
    text = pdftotext(out / "dokumen.pdf")
    model = load(EXAMPLE).model
    ids = [e.id for e in model]
    items = [e for e in model if e.KIND == "rencana"]
    assert len(ids) > 300 and len(items) > 10
    missing = [i for i in ids if i not in text]
    assert missing == []
    for item in items:  # the item's heading: id and name
        assert item.nama.split()[0] in text
    info = _tool("pdfinfo", str(out / "dokumen.pdf"))
    assert "595.276 x 841.89 pts (A4)" in info
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    assert pages > 30


def test_pdf_fonts_embedded_and_figures_vector(example_site: tuple[Path, PublishResult]) -> None:
    out, _ = example_site
    pdf = str(out / "dokumen.pdf")
    fonts = _tool("pdffonts", pdf).splitlines()[2:]
    assert fonts, "no fonts"
    for line in fonts:
        assert line.split()[-5] == "yes", f"font not embedded: {line}"
    images = _tool("pdfimages", "-list", pdf).splitlines()[2:]
    assert images == []  # every figure is drawn as vectors, none as a raster image
    text = pdftotext(out / "dokumen.pdf")
    figures = re.findall(r"^Gambar (\d+)\.(\d+) ", text, re.M)
    assert len(figures) >= 10
    # a figure's own words are text in the PDF (vector SVG, not a picture of text)
    assert "Integrasi" in text and "RAB.04" in text


def _pdf_headings(pdf: Path) -> list[tuple[int, str]]:
    """The PDF's bookmarks (its outline), with their depth: poppler's XML of one page."""
    import html

    xml = _tool("pdftohtml", "-xml", "-stdout", "-i", "-q", "-f", "1", "-l", "1", str(pdf))
    out: list[tuple[int, str]] = []
    level = 0
    for m in re.finditer(r"<outline>|</outline>|<item[^>]*>([^<]*)</item>", xml):
        if m.group(0) == "<outline>":
            level += 1
        elif m.group(0) == "</outline>":
            level -= 1
        else:
            out.append((level, html.unescape(m.group(1))))
    return out


def test_docx_opens_and_has_the_pdf_headings(example_site: tuple[Path, PublishResult]) -> None:
    import docx

    out, _ = example_site
    document = docx.Document(str(out / "dokumen.docx"))
    headings = [
        (int(p.style.name.split()[-1]), p.text)
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith("Heading ")
    ]
    pdf = _pdf_headings(out / "dokumen.pdf")
    assert len(pdf) > 100
    assert headings == pdf
    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7
    assert len(document.inline_shapes) >= 10  # the figures
    assert len(document.tables) > 50


def test_same_input_publishes_the_same_bytes(
    example_site: tuple[Path, PublishResult], tmp_path: Path
) -> None:
    first, _ = example_site
    second = tmp_path / "again"
    publish(EXAMPLE, second, progress=False)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file()) == files
    differ = [str(f) for f in files if (first / f).read_bytes() != (second / f).read_bytes()]
    assert differ == []


def test_republishing_removes_only_its_own_stale_files(tmp_path: Path) -> None:
    from publish.kit import write_files

    model = write_files(tmp_path / "m", {
        "spbe.yaml": (EXAMPLE / "spbe.yaml").read_text(encoding="utf-8"),
        "a/aplikasi.yaml": "aplikasi:\n  - id: DAA-A\n    nama: A\n  - id: DAA-B\n    nama: B\n",
    })  # fmt: skip
    out = tmp_path / "out"
    publish(model, out, formats=["html"], progress=False)
    assert (out / "elemen" / "DAA-B.html").is_file()
    (out / "mine.txt").write_text("kept", encoding="utf-8")
    (model / "a" / "aplikasi.yaml").write_text("aplikasi:\n  - id: DAA-A\n    nama: A\n")
    publish(model, out, formats=["html"], progress=False)
    assert not (out / "elemen" / "DAA-B.html").exists()
    assert (out / "elemen" / "DAA-A.html").is_file()
    assert (out / "mine.txt").read_text(encoding="utf-8") == "kept"


def test_bad_format_and_missing_model_are_usage_errors(tmp_path: Path) -> None:
    from spbe_arch.load import ModelRepositoryError

    with pytest.raises(PublishError, match="format 'odt'"):
        publish(EXAMPLE, tmp_path / "o", formats=["odt"])
    with pytest.raises(ModelRepositoryError, match=r"spbe\.yaml"):
        publish(tmp_path, tmp_path / "o")


def test_english_edition_has_english_words(tmp_path: Path) -> None:
    out = tmp_path / "en"
    publish(EXAMPLE, out, lang="en", formats=["html"], progress=False)
    page = (out / "elemen" / "DAA-DINKES-01.html").read_text(encoding="utf-8")
    assert "Database system" in page and "basis_data" not in page
    assert "Uses / refers to" in page and "Used by / referred to by" in page
    doc = (out / "dokumen.html").read_text(encoding="utf-8")
    assert "CHAPTER I INTRODUCTION" in doc and "ANNEX A SELF-ASSESSMENT" in doc
    with zipfile.ZipFile(tmp_path / "none.zip", "w"):
        pass


def test_cli_publishes_and_exits_1_when_the_model_has_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from publish.kit import write_files
    from spbe_arch.cli import main

    model = write_files(tmp_path / "m", {
        "spbe.yaml": (EXAMPLE / "spbe.yaml").read_text(encoding="utf-8"),
        "a/aplikasi.yaml": "aplikasi:\n  - id: DAA-A\n    nama: A\n    data: [DAD-TIDAK-ADA]\n",
    })  # fmt: skip
    code = main(["publish", str(model), "--out", str(tmp_path / "o"), "--format", "html",
                 "--lang", "en"])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 1
    assert "pages" in out and "document: dokumen.html" in out
    assert "check errors are listed in the document's annex C" in err
    annex = (tmp_path / "o" / "dokumen.html").read_text(encoding="utf-8")
    assert "DAD-TIDAK-ADA" in annex  # the finding, in annex C
    assert main(["publish", str(tmp_path), "--out", str(tmp_path / "p")]) == 2


def test_shared_owners_and_the_whole_pemda(tmp_path: Path) -> None:
    """An element owned by two OPDs is on both OPD pages; one owned by the Pemda as a whole
    says so (models/kota-inventaris, written from a real inventory's shapes)."""
    out = tmp_path / "inv"
    publish(EXAMPLE.parent / "kota-inventaris", out, formats=["html"], progress=False)
    for opd in ("DINKES", "RSUD"):
        assert "DAD-002" in (out / "opd" / f"{opd}.html").read_text(encoding="utf-8")
    shared = (out / "elemen" / "DAD-002.html").read_text(encoding="utf-8")
    assert 'href="../opd/DINKES.html"' in shared and 'href="../opd/RSUD.html"' in shared
    whole = (out / "domain" / "data.html").read_text(encoding="utf-8")
    assert "Seluruh Pemda" in whole
    doc = (out / "dokumen.html").read_text(encoding="utf-8")
    assert doc.count(">DAD-002<") == 2  # in the table of each of its two owners
