"""``survey import`` writes the canonical form of ``spbe-arch fmt`` (docs/review.md), and changes
only the lines of the elements it changed."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from spbe_arch.cli import main
from spbe_arch.fmt import format_paths, format_text
from spbe_arch.survei.impor import HasilImpor, impor
from survei_kit import (
    NOW,
    TODAY,
    baris_id,
    baris_kosong,
    buat,
    buka,
    isi,
    kopi,
    salin_contoh,
    snapshot,
)

LAYANAN = "dinkes/layanan.yaml"


@pytest.fixture(scope="module")
def asli(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("asli")
    root = salin_contoh(base / "model")
    (form,) = buat(root, base / "out", "DINKES")
    wb = buka(form)
    ws = wb["Layanan"]
    # a changed element: one value changed, one field added (goes between tujuan and urusan)
    isi(ws, baris_id(ws, "DAL-DINKES-01"), {"Fungsi": "Pelayanan rujukan",
                                             "Metode Layanan": "Elektronik"})  # fmt: skip
    # a new element, cells filled in an order other than the canonical one
    isi(ws, baris_kosong(ws), {"Tahun Mulai": 2026, "Proses Bisnis": "DAB-DINKES-01",
                               "Metode Layanan": "tatap muka", "Target Layanan": "Masyarakat",
                               "Urusan Pemerintahan": "RAB.04.01", "Referensi RAL": "01.25.04",
                               "Tujuan": "Pertolongan pertama dalam 30 menit",
                               "Nama Layanan": "Layanan Ambulans Gawat Darurat"})  # fmt: skip
    wb.save(form)
    return root, form


def _impor(root: Path, form: Path) -> HasilImpor:
    result = impor(root, [form], now=NOW, today=TODAY)
    assert not result.gagal, [t.text() for t in result.temuan]
    assert (result.baru, result.diubah) == (1, 1)
    return result


def _blok(lines: list[str], ident: str) -> range:
    """The lines (0-based) of one element of a section, up to the next element or the end."""
    start = lines.index(f"  - id: {ident}\n")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("  - ")), None)
    return range(start, len(lines) if end is None else end)


def _berubah(before: str, after: str) -> set[int]:
    """The lines (0-based, of ``before``) an edit replaced or deleted, and the insertion points."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    out: set[int] = set()
    for tag, i1, i2, _, _ in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag != "equal":
            out |= set(range(i1, i2)) or {i1}
    return out


def test_import_writes_canonical_files_and_changes_only_its_elements(
    asli: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, form = kopi(asli, tmp_path)
    assert main(["fmt", str(root), "--check"]) == 0  # the example model is canonical before
    capsys.readouterr()
    before = snapshot(root)
    result = _impor(root, form)
    assert not any(t.kode == "SURVEI-F01" for t in result.temuan)
    written = [rel for rel in result.ditulis if not rel.startswith(".spbe/")]
    assert written == [LAYANAN]
    # fmt --check passes on every file the import wrote, and on the whole model
    outcomes = format_paths([root / rel for rel in written], check=True)
    assert [o.outcome for o in outcomes] == ["unchanged"]
    assert main(["fmt", str(root), "--check"]) == 0, "".join(capsys.readouterr())
    old = before[LAYANAN].decode()
    new = (root / LAYANAN).read_text(encoding="utf-8")
    # only the changed element's lines differ, and the new element is appended at the end
    lines = old.splitlines(keepends=True)
    changed = _berubah(old, new)
    allowed = set(_blok(lines, "DAL-DINKES-01")) | {len(lines)}
    assert changed and changed <= allowed, sorted(changed - allowed)
    assert new.startswith(old[: old.index("  - id: DAL-DINKES-01\n")])
    assert new.endswith(
        "    status: as_is\n\n"
        "  - id: DAL-DINKES-07\n"
        "    nama: Layanan Ambulans Gawat Darurat\n"
        "    referensi: RAL.01.25.04\n"
        "    tujuan: Pertolongan pertama dalam 30 menit\n"
        "    urusan: RAB.04.01\n"
        "    target_layanan: [masyarakat]\n"
        "    metode_layanan: tatap_muka\n"
        "    proses_bisnis: [DAB-DINKES-01]\n"
        "    tahun_mulai: 2026\n"
    )
    assert (
        "    tujuan: Pasien memperoleh pelayanan rujukan yang cepat dan tercatat lengkap.\n"
        "    fungsi: Pelayanan rujukan\n"
        "    urusan: RAB.04.01\n"
        "    target_layanan: [masyarakat]\n"
        "    metode_layanan: elektronik\n"
    ) in new
    # every comment of the file kept
    assert [ln for ln in lines if ln.lstrip().startswith("#")] == [
        ln for ln in new.splitlines(keepends=True) if ln.lstrip().startswith("#")
    ]


def test_a_file_not_canonical_keeps_its_layout_outside_the_changed_element(
    asli: tuple[Path, Path], tmp_path: Path
) -> None:
    root, form = kopi(asli, tmp_path)
    path = root / LAYANAN
    text = path.read_text(encoding="utf-8")
    # an element the import does not touch, written out of canonical order and quoted
    untouched = (
        "    nama: Layanan Kesehatan Puskesmas\n"
        "    uraian: Pendaftaran, pemeriksaan, farmasi dan laboratorium di seluruh puskesmas.\n"
    )
    messy = (
        "    uraian: Pendaftaran, pemeriksaan, farmasi dan laboratorium di seluruh puskesmas.\n"
        '    nama: "Layanan Kesehatan Puskesmas"\n'
    )
    assert text.count(untouched) == 1
    text = text.replace(untouched, messy)
    path.write_text(text, encoding="utf-8")
    assert format_text(text) != text
    result = _impor(root, form)
    new = path.read_text(encoding="utf-8")
    assert messy in new  # the user's own layout is not rewritten behind their back
    notes = [t for t in result.temuan if t.kode == "SURVEI-F01"]
    assert [(t.berkas, t.tingkat) for t in notes] == [(LAYANAN, "info")]
    assert f"spbe-arch fmt {LAYANAN}" in notes[0].pesan and "fmt" in notes[0].pesan_en
    lines = text.splitlines(keepends=True)
    changed = _berubah(text, new)
    allowed = set(_blok(lines, "DAL-DINKES-01")) | {len(lines)}
    assert changed and changed <= allowed, sorted(changed - allowed)
    # the changed and the new element are in canonical order all the same: formatting the
    # file now changes only the element the user wrote out of order
    messy_block = set(_blok(new.splitlines(keepends=True), "DAL-DINKES-02"))
    assert _berubah(new, format_text(new)) <= messy_block


def test_a_new_file_is_canonical(asli: tuple[Path, Path], tmp_path: Path) -> None:
    root = tmp_path / "model"
    shutil.copytree(asli[0], root)
    assert not (root / "bappeda/keamanan.yaml").exists()
    (form,) = buat(root, tmp_path / "out", "BAPPEDA")
    wb = buka(form)
    ws = wb["Edukasi Kesadaran"]
    isi(ws, 2, {"Tahun Mulai": 2026, "Referensi RAK": "RAK.01",
                "Nama": "Sosialisasi Keamanan Informasi Pegawai Bappeda"})  # fmt: skip
    wb.save(form)
    result = impor(root, [form], now=NOW, today=TODAY)
    assert result.baru == 1, [t.text() for t in result.temuan]
    assert "bappeda/keamanan.yaml" in result.ditulis
    text = (root / "bappeda/keamanan.yaml").read_text(encoding="utf-8")
    assert "    jenis: edukasi_kesadaran\n" in text
    assert format_text(text) == text
    outcomes = format_paths([root / r for r in result.ditulis if not r.startswith(".")], check=True)
    assert [o.outcome for o in outcomes] == ["unchanged"]
