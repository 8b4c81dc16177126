"""The graph facade: typed edges from the relation table and the domain verbs."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write_repo
from spbe_arch import load
from spbe_arch.graph import ModelGraph
from spbe_arch.referensi import load_katalog

MODEL = """\
opd: DINKES
perangkat_daerah:
  - id: DINKES
    nama: Dinas Kesehatan
    tipe: dinas
  - id: DISKOMINFO
    nama: Dinas Komunikasi dan Informatika
    tipe: dinas
proses_bisnis:
  - {id: PB-1, nama: Pelayanan Kesehatan, referensi: RAB.04.01.04}
  - {id: PB-2, nama: Sub Pelayanan, induk: PB-1}
data:
  - id: D-1
    nama: Data Kunjungan
    uraian: x
    tujuan: y
    sifat: terbatas
    jenis: statistik
    validitas: bulanan
    interoperabilitas: ya
    walidata: DINKES
    proses_bisnis: [PB-1]
    layanan: [L-1]
layanan:
  - {id: L-1, nama: Pelayanan Puskesmas, proses_bisnis: [PB-1]}
aplikasi:
  - id: A-1
    nama: SIMPUS
    layanan: [L-1]
    data: [D-1]
    infrastruktur: [S-VM]
  - id: A-2
    nama: Aplikasi Tanpa Apa-apa
infrastruktur:
  - {id: S-FISIK, jenis: server, nama: Server Fisik, opd: DISKOMINFO}
  - {id: S-VM, jenis: server, nama: Server Virtual, host: S-FISIK, opd: DISKOMINFO}
  - {id: S-X, jenis: server, nama: Server Hilang, host: TIDAK-ADA}
"""


@pytest.fixture
def graph(tmp_path: Path) -> ModelGraph:
    root = write_repo(tmp_path, {"m.yaml": MODEL})
    model, problems = load(root)
    assert not [p for p in problems if p.severity.value == "error"], problems
    return ModelGraph(model, load_katalog())


def test_dependencies_follow_the_relation_direction(graph: ModelGraph) -> None:
    assert graph.depends_on("A-1") == ["D-1", "S-VM"]
    # layanan depends on the aplikasi that delivers it and the data it consumes
    assert graph.depends_on("L-1") == ["A-1", "D-1", "PB-1"]
    assert graph.depends_on("S-VM", transitive=True) == ["S-FISIK"]


def test_impact_of_losing_the_physical_server(graph: ModelGraph) -> None:
    assert graph.dependents_of("S-FISIK") == ["S-VM"]
    assert graph.dependents_of("S-FISIK", transitive=True) == ["A-1", "L-1", "S-VM"]


def test_path_orphans_and_cycles(graph: ModelGraph) -> None:
    assert graph.path("S-FISIK", "PB-1") in (
        ["S-FISIK", "S-VM", "A-1", "L-1", "PB-1"],
        ["S-FISIK", "S-VM", "A-1", "D-1", "PB-1"],
    )
    assert graph.path("A-2", "PB-1") is None
    assert graph.orphans("aplikasi") == ["A-2"]
    assert graph.cycles("host") == []


def test_dangling_references_are_kept_for_the_rules(graph: ModelGraph) -> None:
    [dangling] = graph.dangling
    assert (dangling.source, dangling.target, dangling.relasi.field) == ("S-X", "TIDAK-ADA", "host")
    assert dangling.path == ("host",) and dangling.found_kind is None


def test_catalogue_and_ownership_edges(graph: ModelGraph) -> None:
    assert graph.kind("katalog:RAB.04.01.04") == "katalog"
    [link] = graph.links_from("PB-1", "referensi")
    assert link.target == "katalog:RAB.04.01.04"
    assert {lk.source for lk in graph.links_to("DISKOMINFO", "opd")} == {"S-FISIK", "S-VM"}
    assert [lk.source for lk in graph.links_to("L-1", "layanan", kinds=["aplikasi"])] == ["A-1"]


def test_subgraphs_around_an_element_and_of_an_opd(graph: ModelGraph) -> None:
    around = graph.around("A-1")
    assert around.nodes == ("A-1", "D-1", "L-1", "S-VM")
    assert {(lk.source, lk.field, lk.target) for lk in around.links} >= {
        ("A-1", "infrastruktur", "S-VM")
    }
    opd = graph.of_opd("DISKOMINFO")
    assert opd.nodes == ("S-FISIK", "S-VM")


def test_hosting_cycle_is_found(tmp_path: Path) -> None:
    text = MODEL.replace(
        "{id: S-FISIK, jenis: server, nama: Server Fisik, opd: DISKOMINFO}",
        "{id: S-FISIK, jenis: server, nama: Server Fisik, opd: DISKOMINFO, host: S-VM}",
    )
    model, _ = load(write_repo(tmp_path, {"m.yaml": text}))
    assert ModelGraph(model).cycles("host") == [["S-FISIK", "S-VM"]]
