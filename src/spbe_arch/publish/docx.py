"""The DOCX, written with python-docx: the same blocks as the PDF, for the legal drafting office.

Headings use Word's built-in heading styles (so the navigation pane and a table of contents
field work), tables the "Table Grid" style, figures the PNG of each view (Word does not read
SVG everywhere). A4, page numbers in the footer. python-docx escapes text for XML; characters
XML 1.0 cannot hold never reach it (:func:`~spbe_arch.publish.teks.inert` shows them as
``⟨U+…⟩``).
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from spbe_arch.publish.bahan import Bahan
from spbe_arch.publish.dokumen import Daftar, Dokumen, Gambar, Judul, Paragraf, Tabel
from spbe_arch.publish.narasi import Run

FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def _field(paragraph: Any, instruction: str) -> None:
    """A Word field (``PAGE``, ``TOC``) updated by the word processor."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = instruction
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(text)
    run._r.append(separate)
    run._r.append(end)


def _runs(paragraph: Any, runs: tuple[Run, ...]) -> None:
    for r in runs:
        run = paragraph.add_run(r.text + (f" ({r.href})" if r.href else ""))
        run.bold = r.style == "b"
        run.italic = r.style == "i"
        if r.style == "code":
            run.font.name = "Liberation Mono"


def build_docx(doc: Dokumen, bahan: Bahan) -> bytes:
    """The DOCX bytes of the document."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt
    from docx.table import _Cell

    out: Any = Document()
    props = out.core_properties
    props.title = f"{doc.judul} — {doc.pemda}"
    props.author = doc.pemda
    props.created = props.modified = FIXED_TIME
    props.last_modified_by = "spbe-arch"
    props.revision = 1
    section = out.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin = section.bottom_margin = Cm(2.5)
    style = out.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10.5)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(footer, "PAGE")

    annex = out.add_paragraph(doc.lampiran)
    annex.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    title = out.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(doc.judul.upper())
    run.bold, run.font.size = True, Pt(18)
    pemda = out.add_paragraph()
    pemda.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = pemda.add_run(doc.pemda.upper())
    run.bold, run.font.size = True, Pt(14)
    out.add_paragraph(doc.periode).alignment = WD_ALIGN_PARAGRAPH.CENTER
    ident = out.add_table(rows=0, cols=2)
    for label, value in doc.identitas:
        tr = ident.add_row()._tr
        for tc, text in zip(tr.tc_lst, (label, value), strict=True):
            _Cell(tc, ident).text = text
    out.add_page_break()
    out.add_paragraph("Table of contents" if doc.lang == "en" else "Daftar Isi").runs[0].bold = True
    _field(out.add_paragraph(), 'TOC \\o "1-2" \\h \\z \\u')

    for b in doc.blok:
        if isinstance(b, Judul):
            if b.level == 1:
                out.add_page_break()
            out.add_heading(b.text, level=b.level)
        elif isinstance(b, Paragraf):
            _runs(out.add_paragraph(), b.runs)
        elif isinstance(b, Daftar):
            for item in b.items:
                _runs(out.add_paragraph(style="List Number" if b.bernomor else "List Bullet"), item)
        elif isinstance(b, Tabel):
            caption = out.add_paragraph()
            caption.add_run(f"{b.nomor} {b.judul}").bold = True
            table = out.add_table(rows=1, cols=len(b.kepala))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, b.kepala, strict=True):
                cell.text = ""
                cell.paragraphs[0].add_run(text).bold = True
            for row in b.baris:
                # the row's own cells: ``row.cells`` walks the whole table each time (quadratic)
                tr = table.add_row()._tr
                for tc, c in zip(tr.tc_lst, row, strict=True):
                    _Cell(tc, table).text = c.text
        elif isinstance(b, Gambar):
            png = bahan.png.get(b.file)
            if png is None:
                continue
            out.add_picture(io.BytesIO(png), width=Cm(16))
            out.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
            cap = out.add_paragraph(f"{b.nomor} {b.judul}")
            cap.alignment = WD_ALIGN_PARAGRAPH.CENTER
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()
