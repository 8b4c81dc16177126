"""Time slicing, gap analysis and the timeline: the roadmap package and its commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import write_repo
from spbe_arch.cli import main
from spbe_arch.graph import ModelGraph
from spbe_arch.load import load
from spbe_arch.model import Arsitektur
from spbe_arch.model.aplikasi import Aplikasi
from spbe_arch.model.peta_rencana import RencanaSpbe
from spbe_arch.roadmap import analisis_gap, as_is, masa, pada_tahun, to_be
from spbe_arch.roadmap.linimasa import linimasa_dot

EXAMPLE = Path(__file__).resolve().parents[1] / "models" / "kabupaten-contoh"

MODEL = """\
opd: DISKOMINFO
perangkat_daerah:
  - {id: DISKOMINFO, nama: Dinas Komunikasi dan Informatika}
infrastruktur:
  - {id: SRV-LAMA, jenis: server, nama: Server Lama, tahun_selesai: 2027}
  - {id: SRV-BARU, jenis: server, nama: Server Baru, tahun_mulai: 2027}
  - {id: SPL, jenis: sistem_penghubung_layanan, nama: SPL Pemda, status: baru}
aplikasi:
  - id: APL
    nama: SIMPUS
    status: upgrade
    infrastruktur: [SRV-LAMA, SRV-BARU]
    integrasi:
      - {aplikasi: APL-LAMA, melalui: SPL}
  - {id: APL-LAMA, nama: Aplikasi Lama, tahun_mulai: 2019, tahun_selesai: 2026}
peta_rencana:
  - id: PR-01
    nama: Migrasi Server
    muatan: infrastruktur
    tahun_mulai: 2026
    tahun_selesai: 2028
    elemen_baru: [SRV-BARU, SPL]
    elemen_dihentikan: [SRV-LAMA]
"""


@pytest.fixture
def model(tmp_path: Path) -> Arsitektur:
    return load(write_repo(tmp_path / "repo", {"contoh.yaml": MODEL})).model


def test_an_element_retired_in_2027_exists_in_2027_and_not_in_2028(model: Arsitektur) -> None:
    assert "SRV-LAMA" in pada_tahun(model, 2027).elemen
    assert "SRV-LAMA" not in pada_tahun(model, 2028).elemen
    assert "SRV-BARU" not in pada_tahun(model, 2026).elemen
    assert "SRV-BARU" in pada_tahun(model, 2027).elemen


def test_references_to_absent_elements_are_dropped_not_broken(model: Arsitektur) -> None:
    later = pada_tahun(model, 2028)
    apl = later.elemen["APL"]
    assert isinstance(apl, Aplikasi)
    assert apl.infrastruktur == ["SRV-BARU"]
    assert apl.integrasi == []  # its partner APL-LAMA ended in 2026
    item = later.elemen["PR-01"]
    assert isinstance(item, RencanaSpbe) and item.elemen_dihentikan == []

    assert [d for d in ModelGraph(later).dangling if d.target in model.elemen] == []


def test_slicing_is_pure(model: Arsitektur) -> None:
    before = {k: v.model_dump() for k, v in model.elemen.items()}
    pada_tahun(model, 2029)
    assert {k: v.model_dump() for k, v in model.elemen.items()} == before
    assert model.elemen["APL"].infrastruktur == ["SRV-LAMA", "SRV-BARU"]


def test_years_from_the_roadmap_when_the_element_has_none(model: Arsitektur) -> None:
    # SPL is `baru` without tahun_mulai: it starts with PR-01 (2026).
    assert (masa(model, model.elemen["SPL"]).mulai, masa(model, model.elemen["SPL"]).selesai) == (
        2026,
        None,
    )
    # SRV-LAMA's own tahun_selesai wins over PR-01's last year.
    assert masa(model, model.elemen["SRV-LAMA"]).selesai == 2027


def test_as_is_and_to_be(model: Arsitektur) -> None:
    assert sorted(as_is(model).elemen) == ["APL", "APL-LAMA", "PR-01", "SRV-LAMA"]
    assert sorted(to_be(model).elemen) == ["APL", "PR-01", "SPL", "SRV-BARU"]


def test_gap_lists_changes_by_domain_with_their_items(model: Arsitektur) -> None:
    gap = analisis_gap(model)
    got = [(p.domain, p.jenis, p.elemen, p.rencana) for p in gap.perubahan]
    assert got == [
        ("aplikasi", "diubah", "APL", ()),
        ("aplikasi", "dihentikan", "APL-LAMA", ()),
        ("infrastruktur", "baru", "SPL", ("PR-01",)),
        ("infrastruktur", "baru", "SRV-BARU", ("PR-01",)),
        ("infrastruktur", "dihentikan", "SRV-LAMA", ("PR-01",)),
    ]
    assert [p.elemen for p in gap.tanpa_rencana()] == ["APL", "APL-LAMA"]
    assert (gap.jumlah_as_is, gap.jumlah_to_be) == (3, 3)


def test_example_model_retires_a_server_in_2027_and_every_gap_has_an_item() -> None:
    model = load(EXAMPLE).model
    assert "DAI-DISKOMINFO-SRV-03" in pada_tahun(model, 2027).elemen
    assert "DAI-DISKOMINFO-SRV-03" not in pada_tahun(model, 2028).elemen
    gap = analisis_gap(model)
    assert gap.tanpa_rencana() == []
    assert {p.jenis for p in gap.perubahan} == {"baru", "diubah", "dihentikan"}


def test_render_year_drops_the_retired_server_from_the_views(tmp_path: Path) -> None:
    args = [str(EXAMPLE), "--view", "lapisan", "--format", "dot"]
    assert main(["render", *args, "--out", str(tmp_path / "y2027"), "--year", "2027"]) == 0
    assert main(["render", *args, "--out", str(tmp_path / "y2028"), "--year", "2028"]) == 0

    def mentions(folder: Path) -> bool:
        return any("DAI-DISKOMINFO-SRV-03" in f.read_text() for f in folder.glob("*.dot"))

    assert mentions(tmp_path / "y2027")
    assert not mentions(tmp_path / "y2028")


def test_gap_cli_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gap", str(EXAMPLE)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Analisis gap as-is (2024) -> to-be (2029), periode 2025-2029\n")
    assert (
        "  - DAI-DISKOMINFO-SRV-03  Server Fisik Lama (pengadaan 2016) (s.d. 2027)  "
        "<- PR-INFRA-01\n" in text
    )
    assert text.endswith("perubahan dihantarkan Peta Rencana\n")
    assert main(["gap", str(EXAMPLE), "--format", "json", "--lang", "en"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["periode"] == {"mulai": 2025, "selesai": 2029}
    retired = data["domain"]["infrastruktur"]["dihentikan"]
    assert [(r["elemen"], r["tahun_selesai"], r["rencana"]) for r in retired] == [
        ("DAI-DISKOMINFO-SRV-03", 2027, ["PR-INFRA-01"])
    ]
    assert data["tanpa_rencana"] == []
    assert main(["gap", str(EXAMPLE), "--lang", "en"]) == 0
    assert "Retired" not in capsys.readouterr().out.splitlines()[0]


def test_gap_cli_without_model(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gap", str(tmp_path)]) == 2
    assert "spbe.yaml" in capsys.readouterr().err


def test_timeline_dot_rows_and_colours(model: Arsitektur) -> None:
    dot = linimasa_dot(model)
    assert dot.startswith("digraph linimasa {")
    assert "<B>2025</B>" in dot and "<B>2029</B>" in dot
    assert dot.count('BGCOLOR="#e0e0e0"') == 3  # PR-01 belum_mulai, 2026-2028
    assert dot.count("belum ada butir") == 6  # six muatan without items
    assert " !" in dot  # no funding code
    assert linimasa_dot(model) == dot  # deterministic
    assert "SPBE Roadmap" in linimasa_dot(model, "en")


def test_timeline_cli_writes_dot_svg_png(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["timeline", str(EXAMPLE), "-o", str(out), "--format", "dot,svg,png"]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == [f"peta-rencana-linimasa.{x}" for x in ("dot", "png", "svg")]
    assert (out / "peta-rencana-linimasa.png").read_bytes()[:4] == b"\x89PNG"
    assert (
        "Pemanfaatan PDN dan Konsolidasi Pusat Data"
        in (out / "peta-rencana-linimasa.svg").read_text()
    )
    assert main(["timeline", str(EXAMPLE), "-o", str(out), "--format", "gif"]) == 2


def test_timeline_gap_pair(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["timeline", str(EXAMPLE), "-o", str(out), "--format", "dot", "--gap"]) == 0
    before = " ".join(p.read_text() for p in (out / "as-is-2024").glob("*.dot"))
    after = " ".join(p.read_text() for p in (out / "to-be-2029").glob("*.dot"))
    assert "DAI-DISKOMINFO-SRV-03" in before and "DAI-DISKOMINFO-SRV-03" not in after
    assert "DAA-DISKOMINFO-05" in after and "DAA-DISKOMINFO-05" not in before
