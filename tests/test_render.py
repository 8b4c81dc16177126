"""Diagrams: golden DOT of every view, determinism, splitting, cache, pages, CLI exit codes."""

from __future__ import annotations

import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest

from spbe_arch.cli import main
from spbe_arch.graph import ModelGraph
from spbe_arch.load import load
from spbe_arch.referensi import load_katalog
from spbe_arch.render import Diagram, engine, render_views, to_dot
from spbe_arch.render.context import ViewContext
from spbe_arch.render.split import split
from spbe_arch.render.views import build_all

FIXTURE = Path(__file__).parent / "fixtures" / "render" / "model"
GOLDEN = Path(__file__).parent / "golden" / "render"
FOCUS = "SRV-FIS-01"
HAS_DOT = shutil.which("dot") is not None


def diagrams(max_nodes: int = 80, lang: str = "id", depth: int | None = 2) -> list[Diagram]:
    """Every diagram of the fixture model, split as the renderer splits them."""
    result = load(FIXTURE)
    katalog = load_katalog("2022.1")
    ctx = ViewContext(
        ModelGraph(result.model, katalog), katalog, lang=lang, max_nodes=max_nodes, depth=depth
    )
    return [p for d in build_all(ctx, FOCUS) for p in split(d, max_nodes)]


@pytest.fixture
def model_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture model."""
    return Path(shutil.copytree(FIXTURE, tmp_path / "model"))


def _sorted_lines(text: str) -> list[str]:
    return sorted(text.splitlines())


# -- golden DOT ----------------------------------------------------------------------------
def test_every_view_family_is_covered() -> None:
    families = {d.family for d in diagrams()}
    assert families == {
        "ringkasan",
        "lapisan",
        "opd",
        "integrasi",
        "infrastruktur",
        "layanan",
        "fokus",
        "referensi",
    }
    names = {d.name for d in diagrams()}
    for expected in (
        "lapisan",
        "lapisan-dinkes",
        "opd-dinkes",
        "integrasi",
        "infrastruktur",
        "layanan-lay-kes-01",
        "fokus-srv-fis-01",
        "fokus-apl-kes-01",
        "referensi-rab.04",
    ):
        assert expected in names


@pytest.mark.parametrize("diagram", diagrams(), ids=lambda d: d.name)
def test_golden_dot(diagram: Diagram, update_golden: bool) -> None:
    path = GOLDEN / f"{diagram.name}.dot"
    text = to_dot(diagram)
    if update_golden:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.is_file(), f"no golden file {path}; run pytest --update-golden"
    expected = path.read_text(encoding="utf-8")
    assert _sorted_lines(text) == _sorted_lines(expected), (
        f"{diagram.name}: DOT differs from {path}; if intended, run pytest --update-golden"
    )


def test_no_stale_golden_files() -> None:
    names = {f"{d.name}.dot" for d in diagrams()}
    assert {p.name for p in GOLDEN.glob("*.dot")} == names


# -- what the views contain ------------------------------------------------------------------
def _by_name(name: str) -> Diagram:
    return next(d for d in diagrams() if d.name == name)


def test_opd_view_draws_other_opds_apart() -> None:
    d = _by_name("opd-dinkes")
    clusters = {c.id: c for c in d.clusters}
    assert "APL-KES-01" in clusters["opd_DINKES"].nodes
    assert "SRV-VM-01" in clusters["luar_DISKOMINFO"].nodes  # cross-OPD dependency
    assert "DAT-DUK-01" in clusters["luar_DISDUKCAPIL"].nodes


def test_infrastruktur_nests_virtual_server_in_its_host() -> None:
    d = _by_name("infrastruktur")
    facility = next(c for c in d.clusters if c.id == "fasilitas_PD-01")
    host = next(c for c in facility.clusters if c.id == "host_SRV-FIS-01")
    assert {"SRV-FIS-01", "SRV-VM-01", "SRV-VM-02"} <= set(host.nodes)


def test_integrasi_routes_exchange_through_spl() -> None:
    d = _by_name("integrasi")
    via = {(e.source, e.target) for e in d.edges if e.style == "aliran"}
    notes = {n.id: n for n in d.nodes if n.style == "catatan"}
    # SIMPUS receives NIK data through the SPL: SPL → note naming the data → SIMPUS
    note = next(n for n in notes if ("SPL-01", n) in via and (n, "APL-KES-01") in via)
    assert "Data Kependudukan" in notes[note].label
    assert ("APL-DUK-01", "SPL-01") in via
    frame = next(c for c in d.clusters if c.id == "opd_DINKES")
    assert note in frame.nodes and frame.url == "opd-dinkes.svg"  # drill-down to the OPD


def test_fokus_shows_both_directions() -> None:
    d = next(d for d in diagrams(depth=None) if d.name == "fokus-srv-fis-01")
    clusters = {c.id: set(c.nodes) for c in d.clusters}
    assert "SRV-VM-01" in clusters["dampak"] and "LAY-KES-01" in clusters["dampak"]
    assert "PD-01" in clusters["prasyarat"] and "JIP-01" in clusters["prasyarat"]
    assert "semua langkah" in d.title


def test_fokus_depth_limits_the_reach() -> None:
    near = _by_name("fokus-srv-fis-01")  # depth 2: the server's guests and their aplikasi
    one = next(d for d in diagrams(depth=1) if d.name == "fokus-srv-fis-01")
    every = next(d for d in diagrams(depth=None) if d.name == "fokus-srv-fis-01")
    assert one.node_ids() < near.node_ids() <= every.node_ids()
    assert "LAY-KES-01" not in near.node_ids() and "LAY-KES-01" in every.node_ids()
    assert "kedalaman 2" in near.title


def test_referensi_highlights_covered_nodes() -> None:
    d = _by_name("referensi-rab.04")
    marks = {n.id: n.mark for n in d.nodes}
    assert marks["RAB.04.01.04"] == "dicakup"
    assert marks["RAB.04.01"] == "sebagian"
    assert marks["RAB.04.01.02"] == "celah"


def test_english_titles_and_legend() -> None:
    d = next(d for d in diagrams(lang="en") if d.name == "lapisan")
    text = to_dot(d)
    assert "Layered SPBE architecture" in text and "Legend" in text


# -- determinism, splitting -----------------------------------------------------------------
def test_dot_is_deterministic(tmp_path: Path) -> None:
    first = render_views(FIXTURE, tmp_path / "a", fmt="dot", focus=FOCUS)
    second = render_views(FIXTURE, tmp_path / "b", fmt="dot", focus=FOCUS)
    assert [v.name for v in first.views] == [v.name for v in second.views]
    for v in first.views:
        assert (tmp_path / "a" / v.file).read_bytes() == (tmp_path / "b" / v.file).read_bytes()


def test_view_over_the_limit_is_split_with_notice(tmp_path: Path) -> None:
    whole = _by_name("lapisan")
    parts = [
        d
        for d in diagrams(max_nodes=12)
        if d.name.startswith("lapisan-") and d.title.startswith(whole.title + " (bagian")
    ]
    assert len(parts) >= 2
    own = set()
    for p in parts:
        mine = {n.id for n in p.nodes if n.mark != "rujukan"}
        assert len(mine) <= 12 + 3  # a small trailing group is folded into its neighbour
        assert "dipecah per OPD" in p.notice
        own |= mine
    assert own == whole.node_ids()  # every element is somewhere, once as its own
    result = render_views(FIXTURE, tmp_path, fmt="dot", views=["lapisan"], max_nodes=12)
    assert any(n.startswith("lapisan: 30 simpul > batas 12") for n in result.notices)
    assert "dipecah per OPD" in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_fokus_and_layanan_views_are_cut_only_when_too_big() -> None:
    """Whole at the default limit; over it, cut into parts (tests/test_render_fit.py checks
    that the parts lose nothing)."""
    whole, small = diagrams(), diagrams(max_nodes=6)
    for name in ("fokus-srv-fis-01", "layanan-lay-kes-01"):
        assert [d.name for d in whole if d.name.startswith(name)] == [name]
        assert len([d.name for d in small if d.name.startswith(name)]) > 1


def test_split_carries_shared_infrastructure_as_reference() -> None:
    parts = [d for d in diagrams(max_nodes=12) if d.name.startswith("lapisan-") and d.notice]
    with_refs = [p for p in parts if any(n.mark == "rujukan" for n in p.nodes)]
    assert with_refs
    for p in with_refs:
        assert {n.style for n in p.nodes if n.mark == "rujukan"} <= {"infrastruktur", "keamanan"}


# -- cache, pages ------------------------------------------------------------------------------
def test_cache_skips_unchanged_views(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def fake_dot(dot: str, source: str, fmt: str) -> bytes:
        calls.append(source.split("\n", 1)[0])
        return b"<svg/>"

    monkeypatch.setattr(engine, "find_dot", lambda: "/usr/bin/dot")
    monkeypatch.setattr(engine, "run_dot", fake_dot)
    monkeypatch.setattr(engine, "measure", lambda dot, source: (100.0, 100.0))
    first = render_views(FIXTURE, tmp_path, views=["lapisan", "opd"])
    assert len(calls) == len(first.views) == first.rendered > 0
    second = render_views(FIXTURE, tmp_path, views=["lapisan", "opd"])
    assert len(calls) == len(first.views)  # not one more dot call
    assert second.cached == len(second.views) and second.rendered == 0
    (tmp_path / "opd-dinkes.svg").unlink()  # a missing file is drawn again
    render_views(FIXTURE, tmp_path, views=["lapisan", "opd"])
    assert calls[-1] == 'digraph "opd-dinkes" {'


def test_index_lists_every_view_and_elements_page(tmp_path: Path) -> None:
    result = render_views(FIXTURE, tmp_path, fmt="dot", focus=FOCUS)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "<style>" in index and "http" not in index
    for v in result.views:
        assert f'href="{v.file}"' in index
        assert (tmp_path / v.file).is_file()
    page = (tmp_path / "elemen.html").read_text(encoding="utf-8")
    model = load(FIXTURE).model
    for ident in model.elemen:
        assert f'id="{ident}"' in page
    assert "dinkes.yaml:" in page


@pytest.mark.skipif(not HAS_DOT, reason="Graphviz not installed")
def test_svg_has_tooltips_and_links(tmp_path: Path) -> None:
    render_views(FIXTURE, tmp_path, views=["opd-dinkes"])
    tree = ElementTree.parse(tmp_path / "opd-dinkes.svg")
    xlink = "{http://www.w3.org/1999/xlink}"
    links = {
        a.get(f"{xlink}href"): a.get(f"{xlink}title", "")
        for a in tree.iter("{http://www.w3.org/2000/svg}a")
    }
    title = links["fokus-apl-kes-01.svg"]  # drill-down: an aplikasi opens its focus view
    assert title.startswith("APL-KES-01 — Sistem Informasi Manajemen Puskesmas (SIMPUS)\n")
    assert "Rekam medis dan pendaftaran pasien puskesmas" in title  # the uraian
    assert "elemen.html#SRV-VM-01" in links  # an element of another OPD links too
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<img loading="lazy" src="opd-dinkes.svg"' in index


# -- CLI ------------------------------------------------------------------------------------
def test_format_dot_works_without_graphviz(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(engine, "find_dot", lambda: None)
    assert main(["render", str(FIXTURE), "--out", str(tmp_path), "--format", "dot"]) == 0
    assert (tmp_path / "lapisan.dot").read_text(encoding="utf-8").startswith('digraph "lapisan"')
    assert main(["render", str(FIXTURE), "--out", str(tmp_path / "svg")]) == 2
    err = capsys.readouterr().err
    assert "apt-get install graphviz" in err and "make graphviz" in err
    assert not (tmp_path / "svg").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--view", "lapisn"], "view 'lapisn' tidak dikenal; mungkin: lapisan"),
        (["--focus", "SRV-XX-01"], "--focus: elemen 'SRV-XX-01' tidak ada di model"),
        (["--view", "lapisan-bagian-99"], "view 'lapisan-bagian-99' tidak ada lagi"),
    ],
)
def test_cli_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code = main(["render", str(FIXTURE), "--out", str(tmp_path), "--format", "dot", *args])
    assert code == 2
    assert message in capsys.readouterr().err


def test_cli_no_model_is_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(tmp_path), "--out", str(tmp_path / "o"), "--format", "dot"]) == 2
    assert "spbe.yaml" in capsys.readouterr().err


def test_cli_ok_and_broken_reference(
    model_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["render", str(model_copy), "--out", str(out), "--format", "dot"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("32 diagram di ") and "32 digambar" in captured.out
    assert "referensi-rab: 358 simpul > batas 80" in captured.err
    dinkes = model_copy / "dinkes.yaml"
    text = dinkes.read_text(encoding="utf-8").replace("[SRV-VM-01]", "[SRV-HILANG]")
    dinkes.write_text(text, encoding="utf-8")
    assert main(["render", str(model_copy), "--out", str(out), "--format", "dot"]) == 1
    captured = capsys.readouterr()
    assert "0 galat pemuatan dan 1 rujukan putus" in captured.err
    assert (out / "opd-dinkes.dot").is_file()  # still drawn, without the broken edge
