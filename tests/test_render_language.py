"""What the pictures say: line styles, marks, legend, title block, gap colours, the index."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from spbe_arch.cli import main
from spbe_arch.graph import ModelGraph
from spbe_arch.load import load
from spbe_arch.referensi import load_katalog
from spbe_arch.render import Diagram, render_views, to_dot
from spbe_arch.render.context import ViewContext
from spbe_arch.render.diagram import Edge, Node, merge_parallel
from spbe_arch.render.dot import legend_entries
from spbe_arch.render.views import build_all
from spbe_arch.roadmap.gambar import changes_of

FIXTURE = Path(__file__).parent / "fixtures" / "render" / "model"
HAS_DOT = shutil.which("dot") is not None


def _ctx(**kw: object) -> ViewContext:
    model = load(FIXTURE).model
    katalog = load_katalog("2022.1")
    return ViewContext(ModelGraph(model, katalog), katalog, **kw)  # type: ignore[arg-type]


def _view(name: str, **kw: object) -> Diagram:
    return next(d for d in build_all(_ctx(**kw)) if d.name == name)


def test_each_relation_type_has_its_own_line() -> None:
    d = _view("opd-dinkes")
    styles = {e.style for e in d.edges}
    assert {"realisasi", "layanan", "akses", "berjalan"} <= styles
    text = to_dot(d)
    assert 'style="dotted"' in text and 'arrowhead="empty"' in text  # realises
    assert '="vee"' in text  # serves (head or, laid out reversed, tail)
    assert 'arrowtail="dot"' in text or 'arrowhead="dot"' in text  # runs on


def test_legend_lists_only_what_the_view_contains() -> None:
    d = _view("opd-dinkes")
    texts = [t for _, t in legend_entries(d)]
    assert "merealisasikan" in texts and "Aplikasi SPBE" not in texts  # origins instead
    assert "Kelompok merah" not in " ".join(texts)  # frames that are not drawn: gone
    tiny = Diagram("x", "x", "t", (Node("a", "A", "", "data"),))
    assert [t for _, t in legend_entries(tiny)] == ["Data dan Informasi"]


def test_origin_and_unprotected_marks() -> None:
    ctx = _ctx()
    siak = ctx.node("APL-DUK-01")
    assert siak.origin == "sektor_kl" and "[K/L]" in to_dot(Diagram("x", "x", "t", (siak,)))
    covered = ctx.node("APL-KES-01")  # named by a programme's melindungi
    assert not covered.unprotected
    lonely = [
        n
        for n in (ctx.node(i) for i in ctx.elements("data", "aplikasi"))
        if n.id not in ctx.protected
    ]
    assert lonely and all(n.unprotected for n in lonely)
    assert all(ctx.node(i).unprotected is False for i in ctx.elements("infrastruktur"))


def test_parallel_edges_of_one_type_merge() -> None:
    merged = merge_parallel(
        (Edge("a", "b", "menggunakan", "akses"), Edge("a", "b", "data dipertukarkan", "akses"))
    )
    assert len(merged) == 1 and merged[0].label == "data dipertukarkan, menggunakan"


def test_title_block_is_deterministic_and_names_state(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764460800")
    render_views(FIXTURE, tmp_path / "a", fmt="dot", views=["ringkasan"], year=2027)
    text = (tmp_path / "a" / "ringkasan.dot").read_text(encoding="utf-8")
    assert "periode 2025–2029" in text and "tahun 2027" in text
    assert "digambar 2025-11-30" in text and ("model git " in text or "model sha256 " in text)
    assert "[tahun 2027]" in text  # the title itself names the year
    assert "simpul &gt; batas" not in text and "dipecah" not in text  # no diagnostics drawn


def test_gap_changes_name_their_roadmap_item() -> None:
    model = load(FIXTURE).model
    changes = changes_of(model)
    assert changes["APL-KES-01"][0] == "diubah" and changes["APL-KES-01"][1]
    d = _view("lapisan-dinkes", changes={"APL-KES-01": changes["APL-KES-01"]})
    node = next(n for n in d.nodes if n.id == "APL-KES-01")
    assert node.change == "diubah" and changes["APL-KES-01"][1][0] in node.caption
    assert "Diubah Peta Rencana" in [t for _, t in legend_entries(d)]


@pytest.mark.skipif(not HAS_DOT, reason="Graphviz not installed")
def test_timeline_gap_keeps_every_format(tmp_path: Path) -> None:
    out = tmp_path / "peta"
    assert main(["timeline", str(FIXTURE), "-o", str(out), "--format", "svg,png,dot", "--gap"]) == 0
    for state in ("as-is", "to-be"):
        (folder,) = out.glob(f"{state}-*")
        for ext in ("svg", "png", "dot"):
            assert list(folder.glob(f"lapisan*.{ext}")), (state, ext)
    assert (out / "gap-ringkasan.html").is_file()
    as_is = next(out.glob("as-is-*/lapisan.dot")).read_text(encoding="utf-8")
    to_be = next(out.glob("to-be-*/lapisan.dot")).read_text(encoding="utf-8")
    assert "[as-is (" in as_is and "[to-be (" in to_be
    dot = (out / "peta-rencana-linimasa.dot").read_text(encoding="utf-8")
    assert "Jumlah per tahun" in dot and "OPD" in dot


def test_index_keeps_earlier_views_and_accepts_their_names(tmp_path: Path) -> None:
    render_views(FIXTURE, tmp_path, fmt="dot", views=["ringkasan"])
    render_views(FIXTURE, tmp_path, fmt="dot", views=["opd-dinkes"])
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'href="ringkasan.dot"' in index and 'href="opd-dinkes.dot"' in index
    assert "Sebagian" in index  # says the list is partial
    assert "View per Perangkat Daerah" in index
    full = render_views(FIXTURE, tmp_path, fmt="dot")
    for v in full.views:  # every name the index shows is accepted by --view
        names = [x.name for x in render_views(FIXTURE, tmp_path, fmt="dot", views=[v.name]).views]
        assert v.name in names and (len(names) == 1 or v.name == v.family)


@pytest.mark.skipif(not HAS_DOT, reason="Graphviz not installed")
def test_timeline_in_the_render_folder_is_linked_from_the_index(tmp_path: Path) -> None:
    assert main(["timeline", str(FIXTURE), "-o", str(tmp_path), "--format", "svg"]) == 0
    render_views(FIXTURE, tmp_path, fmt="dot", views=["ringkasan"])
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'href="peta-rencana-linimasa.svg"' in index


@pytest.mark.skipif(not HAS_DOT, reason="Graphviz not installed")
def test_pdf_pages_are_the_paper(tmp_path: Path) -> None:
    import re

    render_views(FIXTURE, tmp_path, fmt="pdf", paper="A4", views=["ringkasan", "opd-dinkes"])
    pages = []
    for pdf in sorted(tmp_path.glob("*.pdf")):
        box = re.search(rb"MediaBox\s*\[\s*0 0 (\d+) (\d+)", pdf.read_bytes())
        assert box is not None
        pages.append(sorted((int(box.group(1)), int(box.group(2)))))
    assert len(pages) >= 2
    for short, long in pages:  # A4 is 595 x 842 pt, landscape or portrait
        assert abs(short - 595) <= 595 * 0.08 and abs(long - 842) <= 842 * 0.08, (short, long)
    assert [595, 842] in pages  # most come out exactly the sheet
