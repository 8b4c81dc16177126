"""Tests for the national reference catalogue (package data, lookups, code normalisation)."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spbe_arch.referensi import (
    PREFIXES,
    InfoKatalog,
    Katalog,
    KatalogError,
    Simpul,
    VersiKatalog,
    available_versions,
    counts_json,
    format_counts,
    is_kode,
    level_of,
    load_katalog,
    muat,
    normalize_kode,
    parent_of,
)

HILAL_RAB = (
    "https://github.com/hilal1709/SPBE-DISKOMINFO/blob/"
    "71fc4fe55467ebabd056866a36dc13991f3659e7/lib/probis/rab-reference.json"
)

# The "Counts per level" table of referensi/README.md.
README_COUNTS = {
    "RAB": {1: 9, 2: 45, 3: 304},
    "RAD": {1: 10, 2: 49, 3: 305},
    "RAL": {1: 2, 2: 53, 3: 302},
    "RAA": {1: 2, 2: 4},
    "RAI": {1: 3, 2: 7, 3: 3, 4: 3},
    "RAK": {1: 3, 2: 9},
}
README_ROWS = [
    "RAB rab.yaml 9 45 304 0 358 berkas: sekunder",
    "RAD rad.yaml 10 49 305 0 364 berkas: sekunder",
    "RAL ral.yaml 2 53 302 0 357 berkas: sekunder",
    "RAA raa.yaml 2 4 0 0 6 sumber 3, sekunder 3",
    "RAI rai.yaml 3 7 3 3 16 sumber 8, dugaan 8",
    "RAK rak.yaml 3 9 0 0 12 dugaan 12",
]


@pytest.fixture(scope="module")
def katalog() -> Katalog:
    return load_katalog()


# --- package data and versions ---------------------------------------------------------------


def test_default_version_is_2022_1(katalog: Katalog) -> None:
    assert available_versions() == ["2022.1"]
    assert katalog.versi == "2022.1"
    assert katalog.dasar_hukum == "Perpres 132/2022"
    assert katalog.status == "berlaku"
    assert "sekunder" in katalog.catatan_versi
    assert load_katalog("2022.1") is katalog  # cached


def test_unknown_version_names_the_available_ones() -> None:
    with pytest.raises(KatalogError, match=r"unknown catalogue version '2099\.1'.*2022\.1"):
        load_katalog("2099.1")


def test_default_is_newest_version_in_force(monkeypatch: pytest.MonkeyPatch) -> None:
    current = muat.manifest()[0]
    versions = (
        VersiKatalog("2021.1", "lama", "tidak_berlaku", "", current.berkas),
        current,
        VersiKatalog("2027.1", "rancangan", "tidak_berlaku", "", current.berkas),
    )
    monkeypatch.setattr(muat, "manifest", lambda: versions)
    assert muat.available_versions() == ["2021.1", "2022.1", "2027.1"]
    assert muat.load_katalog().versi == "2022.1"


def test_node_status_and_replacement_are_read_with_defaults() -> None:
    info = InfoKatalog("RAB", "Proses Bisnis", "x.yaml", ("s1",), "", "sekunder")
    raw = {
        "kode": "RAB.01.01.05",
        "nama": "Lama",
        "level": 3,
        "induk": "RAB.01.01",
        "status": "tidak_berlaku",
        "diganti_oleh": "RAB.01.01.06",
        "sumber": "s2",
    }
    node = muat._node(raw, info, "x.yaml")
    assert (node.status, node.diganti_oleh) == ("tidak_berlaku", "RAB.01.01.06")
    assert not node.berlaku
    assert node.sumber == ("s1", "s2")
    assert node.keyakinan == "sekunder"
    with pytest.raises(KatalogError, match="status"):
        muat._node({**raw, "status": "dicabut"}, info, "x.yaml")
    with pytest.raises(KatalogError, match="level"):
        muat._node({**raw, "level": 2}, info, "x.yaml")


def test_katalog_rejects_missing_parent() -> None:
    orphan = Simpul("RAB.01.01", "Pertahanan", 2, "RAB.01", "RAB", "sekunder", ())
    with pytest.raises(KatalogError, match=r"parent RAB\.01 is missing"):
        Katalog("0.1", [orphan], {})


# --- counts and structure ----------------------------------------------------------------------


def test_counts_equal_readme_table(katalog: Katalog) -> None:
    assert katalog.counts() == README_COUNTS
    assert len(katalog) == 358 + 364 + 357 + 6 + 16 + 12
    assert katalog.prefixes == PREFIXES


def test_nodes_filters_and_sorts(katalog: Katalog) -> None:
    l1 = katalog.nodes("RAB", level=1)
    assert [s.kode for s in l1] == [f"RAB.{n:02d}" for n in range(1, 10)]
    assert len(katalog.nodes(level=4)) == 3
    everything = [s.kode for s in katalog.nodes()]
    assert everything == sorted(everything)
    assert katalog.nodes("RAK", level=3) == []


def test_every_parent_exists_and_level_matches_segments(katalog: Katalog) -> None:
    for node in katalog:
        assert node.level == node.kode.count(".") == level_of(node.kode)
        assert node.katalog == node.kode[:3]
        assert node.induk == parent_of(node.kode)
        if node.induk is not None:
            assert node.induk in katalog
            assert node in katalog.children(node.induk)
        assert node.status == "berlaku"
        assert node.diganti_oleh is None


def test_is_leaf(katalog: Katalog) -> None:
    assert katalog.is_leaf("RAD.10.01")  # L2 without children
    assert katalog.is_leaf("RAB.04.01.04")
    assert not katalog.is_leaf("RAB.04.01")
    assert not katalog.is_leaf("RAI.03.01.07")  # L3 with L4 children
    leaf_l2 = {s.kode for s in katalog.nodes(level=2) if katalog.is_leaf(s.kode)}
    assert {"RAD.10.01", "RAD.10.02", "RAD.10.04", "RAL.01.03", "RAL.02.09"} <= leaf_l2


def test_parent_ancestors_children(katalog: Katalog) -> None:
    parent = katalog.parent("RAB.04.01.04")
    assert parent is not None and parent.kode == "RAB.04.01"
    assert katalog.parent("RAB.04") is None
    assert [s.kode for s in katalog.ancestors("RAI.03.01.07.02")] == [
        "RAI.03.01.07",
        "RAI.03.01",
        "RAI.03",
    ]
    assert katalog.ancestors("RAB.04") == []
    kids = [s.kode for s in katalog.children("RAD.02.10")]
    assert kids == ["RAD.02.10.01", "RAD.02.10.02", "RAD.02.10.05"]
    assert [s.nama for s in katalog.children("RAA.02")] == [
        "Aplikasi Khusus Misi Tertentu",
        "Aplikasi Khusus Fungsi Tertentu",
    ]
    assert katalog.children("RAB.04.01.04") == []


def test_lookup_of_unknown_code(katalog: Katalog) -> None:
    assert katalog.get("RAB.99") is None
    assert "RAB.99" not in katalog
    assert "RAB.04.01.04" in katalog
    assert 42 not in katalog
    with pytest.raises(KeyError, match=r"'RAB\.99' is not in the reference catalogue"):
        katalog["RAB.99"]
    for verb in (katalog.parent, katalog.ancestors, katalog.children, katalog.is_leaf):
        with pytest.raises(KeyError):
            verb("RAB.04.01.04.01")


def test_catalogue_names_and_notes(katalog: Katalog) -> None:
    assert katalog.nama_katalog("RAD") == "Referensi Arsitektur Data dan Informasi"
    assert katalog.catatan("RAK").startswith("Tidak ada kode RAK")
    with pytest.raises(KeyError, match="available"):
        katalog.nama_katalog("RAX")


def test_sources_and_confidence_kept_on_every_node(katalog: Katalog) -> None:
    for node in katalog:
        assert node.sumber, node.kode
        assert node.keyakinan in ("sumber", "sekunder", "dugaan")
    assert all(s.keyakinan == "dugaan" for s in katalog.nodes("RAK"))
    assert katalog["RAA.01.01"].keyakinan == "sumber"
    assert katalog["RAA.01"].keyakinan == "sekunder"
    assert katalog["RAI.01"].keyakinan == "dugaan"
    for node in katalog.nodes("RAB"):
        assert node.keyakinan == "sekunder"
        assert node.sumber == (HILAL_RAB,)
    assert len(katalog["RAI.03.01.07"].sumber) == 3
    assert katalog["RAB.04.01.04"].nama == "Penge4olaan Pelayanan Kesehatan"  # kept as in source


# --- names --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kode", "nama", "expected"),
    [
        ("RAB.04.01.04", "Pengelolaan Pelayanan Kesehatan", True),
        ("RAB.04.01.04", "penge4olaan pelayanan   kesehatan", True),
        ("RAB.02.02.06", "optimalisasi peranan PBK, SRG dan PLK", True),
        ("RAB.04.03.05", "Penyedia Layanan Bagi Anak", False),
        ("RAB.01.01.02", "Strategi Pertahanan", False),
        ("RAD.04.01", "Kesehatan", False),
        ("RAB.04.01", "", False),
    ],
)
def test_nama_cocok(katalog: Katalog, kode: str, nama: str, expected: bool) -> None:
    assert katalog.nama_cocok(kode, nama) is expected


# --- code normalisation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "katalog_prefix", "kode", "nama", "diubah"),
    [
        ("RAB.04.01.04", None, "RAB.04.01.04", None, False),
        ("rab.04.01.04", None, "RAB.04.01.04", None, True),
        ("Rab.02.01", None, "RAB.02.01", None, True),
        (
            "RAB.04.01.04 - Pengelolaan Pelayanan Kesehatan",
            None,
            "RAB.04.01.04",
            "Pengelolaan Pelayanan Kesehatan",
            True,
        ),
        ("RAB.04.01.04 – Pengelolaan", None, "RAB.04.01.04", "Pengelolaan", True),
        ("RAB.04.01.04 — Pengelolaan", None, "RAB.04.01.04", "Pengelolaan", True),
        ("RAB.04.01.04: Pengelolaan", None, "RAB.04.01.04", "Pengelolaan", True),
        ("RAB.04.01.04-Pengelolaan", None, "RAB.04.01.04", "Pengelolaan", True),
        (
            "RAB.04.01.04 Pengelolaan  Pelayanan",
            None,
            "RAB.04.01.04",
            "Pengelolaan Pelayanan",
            True,
        ),
        ("  RAB.04.01.04\t", None, "RAB.04.01.04", None, True),
        ("RAB . 04 . 01 .04", None, "RAB.04.01.04", None, True),
        ("\u00a0RAB.04.01.04\u00a0-\u00a0Pengelolaan", None, "RAB.04.01.04", "Pengelolaan", True),
        ("RAB 04.01.04", None, "RAB.04.01.04", None, True),
        ("RAB.4.1.4", None, "RAB.04.01.04", None, True),
        ("03.01.07", "RAI", "RAI.03.01.07", None, True),
        (
            "03.01.07 Perangkat Lunak Platform",
            "RAI",
            "RAI.03.01.07",
            "Perangkat Lunak Platform",
            True,
        ),
        ("RAI.03.01.07", "RAI", "RAI.03.01.07", None, False),
        ("RAB.01.01.01.01.01.01.01", None, "RAB.01.01.01.01.01.01.01", None, False),
        ("RAB.99", None, "RAB.99", None, False),  # existence is not checked here
    ],
)
def test_normalize_accepts(
    text: str, katalog_prefix: str | None, kode: str, nama: str | None, diubah: bool
) -> None:
    result = normalize_kode(text, katalog_prefix)
    assert result.kode == kode
    assert result.ok
    assert result.nama_tertulis == nama
    assert result.diubah is diubah
    assert result.alasan is None and result.alasan_en is None


@pytest.mark.parametrize(
    ("text", "katalog_prefix", "fragment_id", "fragment_en"),
    [
        ("", None, "kosong", "empty"),
        ("   \u00a0 ", None, "kosong", "empty"),
        ("XYZ.01.02", None, "RAB, RAD, RAL, RAA, RAI, RAK", "Unknown prefix 'XYZ'"),
        ("RBA.01", None, "Mungkin maksudnya RAB", "Did you mean RAB"),
        ("RAD.04.01", "RAB", "mengharapkan kode RAB", "expects a RAB code"),
        ("03.01.07", None, "tanpa prefiks", "no catalogue prefix"),
        ("03.01.07 Perangkat Lunak Platform", None, "tanpa prefiks", "no catalogue prefix"),
        ("RAB.004.01", None, "'004' terlalu panjang", "'004' is too long"),
        ("RAB.01.01.01.01.01.01.01.01", None, "8 level", "8 levels"),
        ("RAB.0A.01", None, "hanya boleh berisi angka", "two-digit numbers"),
        ("RAB.AA", None, "hanya boleh berisi angka", "two-digit numbers"),
        ("RAB.04..01", None, "hanya boleh berisi angka", "two-digit numbers"),
        ("RAB.04.01 04", None, "hanya boleh berisi angka", "two-digit numbers"),
        ("RAB", None, "tidak memuat segmen angka", "no numeric segments"),
        ("Pengelolaan Pelayanan Kesehatan", None, "bukan kode referensi", "not a reference code"),
    ],
)
def test_normalize_refuses_with_reason(
    text: str, katalog_prefix: str | None, fragment_id: str, fragment_en: str
) -> None:
    result = normalize_kode(text, katalog_prefix)
    assert result.kode is None
    assert not result.ok
    assert result.alasan is not None and fragment_id in result.alasan
    assert result.alasan_en is not None and fragment_en in result.alasan_en


def test_normalize_rejects_unknown_expected_catalogue() -> None:
    with pytest.raises(ValueError, match="unknown catalogue prefix"):
        normalize_kode("RAB.01", "RAX")


def test_level_and_parent_of_local_codes() -> None:
    assert level_of("RAB.04.01.04.02.01.03.09") == 7
    assert parent_of("RAB.04.01.04.02") == "RAB.04.01.04"
    assert parent_of("RAB.04") is None
    assert is_kode("RAK.01") and not is_kode("rab.01") and not is_kode("RAB.1")
    with pytest.raises(ValueError, match="normalize_kode"):
        level_of("RAB.4")


_CODES = [s.kode for s in load_katalog()]
_SPACE = st.sampled_from([" ", "  ", "\u00a0", "\t", "\u202f"])
_SEPARATOR = st.sampled_from([" - ", " – ", " — ", ": ", " ", "-"])


@given(
    kode=st.sampled_from(_CODES),
    lower=st.booleans(),
    around=st.tuples(st.lists(_SPACE, max_size=2), st.lists(_SPACE, max_size=2)),
    inner=st.lists(st.sampled_from(["", " ", "\u00a0"]), min_size=7, max_size=7),
    separator=_SEPARATOR,
    with_name=st.booleans(),
)
def test_property_written_variants_normalise_back(
    kode: str,
    lower: bool,
    around: tuple[list[str], list[str]],
    inner: list[str],
    separator: str,
    with_name: bool,
) -> None:
    katalog = load_katalog()
    head, *segments = kode.split(".")
    text = head
    for segment, space in zip(segments, inner, strict=False):
        text += f"{space}.{space}{segment}"
    if lower:
        text = text.lower()
    nama = katalog[kode].nama
    if with_name:
        text += separator + nama
    text = "".join(around[0]) + text + "".join(around[1])

    result = normalize_kode(text)
    assert result.kode == kode, (text, result)
    assert result.nama_tertulis == (" ".join(nama.split()) if with_name else None)
    assert result.diubah is (text != kode)
    if with_name and result.nama_tertulis is not None:
        assert katalog.nama_cocok(kode, result.nama_tertulis)
    assert normalize_kode(text, kode[:3]).kode == kode


# --- rendering ----------------------------------------------------------------------------------


def test_format_counts_matches_readme_rows(katalog: Katalog) -> None:
    text = format_counts(katalog)
    rows = [" ".join(line.split()) for line in text.splitlines()]
    for expected in README_ROWS:
        assert expected in rows
    assert "Jumlah 29 167 914 3 1113" in rows
    assert rows[0].startswith("Katalog Referensi Arsitektur SPBE versi 2022.1")
    english = format_counts(katalog, lang="en")
    assert "RAB rab.yaml 9 45 304 0 358 file: secondary" in [
        " ".join(line.split()) for line in english.splitlines()
    ]
    with pytest.raises(ValueError, match="unknown language"):
        format_counts(katalog, lang="fr")


def test_counts_json(katalog: Katalog) -> None:
    data = counts_json(katalog)
    json.dumps(data)  # serialisable
    assert data["versi"] == "2022.1"
    assert data["total"] == 1113
    entries = data["katalog"]
    assert isinstance(entries, list)
    by_prefix = {e["katalog"]: e for e in entries}
    assert list(by_prefix) == list(PREFIXES)
    assert by_prefix["RAI"]["level"] == {"L1": 3, "L2": 7, "L3": 3, "L4": 3}
    assert by_prefix["RAA"]["keyakinan"] == {"sumber": 3, "sekunder": 3}
    assert by_prefix["RAB"]["keyakinan_berkas"] == "sekunder"
    assert by_prefix["RAK"]["keyakinan_berkas"] is None
    assert by_prefix["RAL"]["total"] == 357


def test_package_data_parses_the_same_with_both_parsers() -> None:
    # The shipped YAML files are read with yaml_rs when it is installed (packagedata.py): a
    # file on which it and libyaml disagreed (a date, a YAML 1.1 boolean …) would fail here.

    from spbe_arch.packagedata import parse_yaml, parse_yaml_libyaml

    root = resources.files("spbe_arch")
    shipped = [
        *(root / "data").iterdir(),
        *(root / "referensi" / "data").iterdir(),
    ]
    texts = [f.read_text(encoding="utf-8") for f in shipped if f.name.endswith(".yaml")]
    assert len(texts) >= 10
    for text in texts:
        assert parse_yaml(text) == parse_yaml_libyaml(text)
