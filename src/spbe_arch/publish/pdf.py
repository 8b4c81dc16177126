"""The PDF, typeset by Typst (the ``typst`` wheel ships its compiler: no system packages).

The document's blocks go to Typst as JSON and the template places each text as a string, so
nothing from the model is ever read as Typst markup. Fonts are the Liberation Sans files shipped
in the package (metric-compatible with Arial/Helvetica, which Graphviz lays out the diagrams
for); system fonts are ignored, so every machine typesets the same bytes. A Pemda may add
fonts in ``dokumen/font/`` of its repository and name them in its own template
(``dokumen/templat/dokumen.typ``). Figures are the rendered SVG views, drawn as vectors.
"""

from __future__ import annotations

import json
import re
import tempfile
from dataclasses import asdict
from importlib import resources
from pathlib import Path
from typing import Any

from spbe_arch.publish.bahan import Bahan
from spbe_arch.publish.dokumen import Dokumen, Gambar, Tabel

TEXT_WIDTH_PT = 453.5  # A4 (595.3 pt) less 3 cm and 2 cm margins
TEXT_HEIGHT_PT = 600.0  # leaves room for the caption under a figure
_SIZE = re.compile(r'<svg[^>]*?\swidth="([\d.]+)pt"[^>]*?\sheight="([\d.]+)pt"', re.S)


MAIN_ANCHOR = "bab-pendahuluan"
"""The first heading of the main matter: page 1 (the front matter is numbered i, ii …)."""


class PdfError(Exception):
    """Typst could not typeset the document (the message names the cause)."""


def figure_width(svg: str) -> float:
    """The width (pt) that fits a figure on the page, keeping its aspect ratio."""
    m = _SIZE.search(svg)
    if m is None:
        return TEXT_WIDTH_PT
    width, height = float(m.group(1)), float(m.group(2))
    if width <= 0 or height <= 0:
        return TEXT_WIDTH_PT
    scale = min(TEXT_WIDTH_PT / width, TEXT_HEIGHT_PT / height, 1.0)
    return round(width * scale, 2)


def _data(doc: Dokumen, bahan: Bahan, figures: dict[str, str]) -> dict[str, Any]:
    blocks: list[dict[str, Any]] = []
    for b in doc.blok:
        item: dict[str, Any] = {"kind": b.kind, **asdict(b)}
        if isinstance(b, Tabel):
            item["baris"] = [[c.text for c in row] for row in b.baris]
            item["lebar"] = list(b.lebar)
        elif isinstance(b, Gambar):
            if b.file not in figures:
                continue
            item["path"] = figures[b.file]
            item["width"] = figure_width(bahan.svg[b.file])
        blocks.append(item)
    first = next((i for i, b in enumerate(blocks) if b.get("anchor") == MAIN_ANCHOR), 0)
    return {
        "lang": doc.lang,
        "judul": doc.judul,
        "pemda": doc.pemda,
        "periode": doc.periode,
        "lampiran": doc.lampiran,
        "identitas": [list(p) for p in doc.identitas],
        "toc_title": "Table of contents" if doc.lang == "en" else "Daftar Isi",
        "depan": blocks[:first],
        "blok": blocks[first:],
    }


def fonts_dir() -> Path:
    """The folder of the fonts shipped with the package."""
    return Path(str(resources.files("spbe_arch.publish") / "fonts"))


def template_text(root: Path) -> str:
    """The Typst template: the Pemda's ``dokumen/templat/dokumen.typ`` if any, else the tool's."""
    local = root / "dokumen" / "templat" / "dokumen.typ"
    if local.is_file():
        return local.read_text(encoding="utf-8")
    return (resources.files("spbe_arch.publish") / "templates" / "dokumen.typ").read_text(
        encoding="utf-8"
    )


def build_pdf(doc: Dokumen, bahan: Bahan) -> bytes:
    """Typeset the document; returns the PDF bytes."""
    import typst

    with tempfile.TemporaryDirectory(prefix="spbe-typst-") as scratch:
        work = Path(scratch)
        figures: dict[str, str] = {}
        for i, b in enumerate(x for x in doc.blok if isinstance(x, Gambar)):
            svg = bahan.svg.get(b.file)
            if svg is None:
                continue
            name = f"gambar-{i:03d}.svg"
            (work / name).write_text(svg, encoding="utf-8")
            figures[b.file] = name
        (work / "data.json").write_text(
            json.dumps(_data(doc, bahan, figures), ensure_ascii=False, sort_keys=True),
            encoding="utf-8",
        )
        (work / "dokumen.typ").write_text(template_text(bahan.root), encoding="utf-8")
        try:
            pdf = typst.compile(
                str(work / "dokumen.typ"),
                root=str(work),
                font_paths=[
                    str(p) for p in (bahan.root / "dokumen" / "font", fonts_dir()) if p.is_dir()
                ],
                ignore_system_fonts=True,
                timestamp=0,
            )
        except Exception as exc:  # typst raises its own error types with the diagnostics
            raise PdfError(f"Typst: {exc}") from exc
    if not isinstance(pdf, bytes):
        raise PdfError("Typst returned no PDF")
    return pdf
