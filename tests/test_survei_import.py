"""``survey import``: round trip, messy cells, refusals, dry run, idempotence, atomic writes."""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import pytest

from spbe_arch.load import load
from spbe_arch.survei import meta
from spbe_arch.survei.impor import HasilImpor, impor
from spbe_arch.survei.penerimaan import BERKAS_PENERIMAAN, baca_penerimaan
from survei_kit import (
    CONTOH,
    NOW,
    TODAY,
    baris_id,
    baris_kosong,
    buka,
    isi,
    kolom,
    kopi,
    snapshot,
)
from workbook_kit import siapkan


@pytest.fixture(scope="module")
def asli(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return siapkan(tmp_path_factory.mktemp("asli"))


@pytest.fixture
def kerja(asli: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    return kopi(asli, tmp_path)


def _impor(root: Path, *forms: Path, **kw: bool) -> HasilImpor:
    return impor(root, list(forms), now=NOW, today=TODAY, **kw)


def _temuan(result: HasilImpor, code: str) -> list[tuple[str, int, str]]:
    return [(t.lembar, t.baris, t.kolom) for t in result.temuan if t.kode == code]


def _isi_perubahan(form: Path) -> None:
    wb = buka(form)
    ws = wb["Layanan"]
    isi(ws, baris_id(ws, "DAL-DINKES-01"), {"Fungsi": "Pelayanan rujukan   "})
    new = baris_kosong(ws)
    isi(ws, new, {"Nama Layanan": "Layanan Ambulans Gawat Darurat",
                  "Tujuan": "Pertolongan pertama dalam 30 menit",
                  "Referensi RAL": "01.25.04", "Urusan Pemerintahan": "RAB.04.01 - Kesehatan",
                  "Target Layanan": "Masyarakat, asn_pegawai", "Metode Layanan": "tatap muka",
                  "Proses Bisnis": "DAB-DINKES-01 - Pelayanan Kesehatan Rujukan di RSUD",
                  "Tahun Mulai": 2026.0})  # fmt: skip
    isi(ws, new + 2, {"ID": "DAL-DINKES-50", "Tujuan": "Layanan tanpa nama",
                      "Target Layanan": "Pemerintah", "Metode Layanan": "Elektronik"})  # fmt: skip
    wd = wb["Data dan Informasi"]
    isi(wd, baris_id(wd, "DAD-DINKES-01"), {"Referensi RAD": "RAD.04.01.99"})  # typo'd code
    isi(wd, baris_id(wd, "DAD-DINKES-02"), {"Nama Data": None, "Sifat": "Tertutup"})
    wb.save(form)


def test_round_trip_yaml_problems_and_untouched_bytes(kerja: tuple[Path, Path]) -> None:
    root, form = kerja
    before = snapshot(root)
    _isi_perubahan(form)
    result = _impor(root, form)
    layanan = (root / "dinkes/layanan.yaml").read_text(encoding="utf-8")
    assert "    fungsi: Pelayanan rujukan\n    urusan: RAB.04.01\n" in layanan
    assert layanan.endswith(
        "    status: as_is\n\n"
        "  - id: DAL-DINKES-07\n"
        "    nama: Layanan Ambulans Gawat Darurat\n"
        "    referensi: RAL.01.25.04\n"
        "    tujuan: Pertolongan pertama dalam 30 menit\n"
        "    urusan: RAB.04.01\n"
        "    target_layanan: [masyarakat, asn_pegawai]\n"
        "    metode_layanan: tatap_muka\n"
        "    proses_bisnis: [DAB-DINKES-01]\n"
        "    tahun_mulai: 2026\n"
    )  # keys in the canonical order (spbe-arch fmt)
    # rows that would bring an error are not imported: their files keep every byte
    assert "DAL-DINKES-50" not in layanan
    assert (root / "dinkes/data.yaml").read_bytes() == before["dinkes/data.yaml"]
    # problems name workbook, sheet, row and column
    assert ("Data dan Informasi", 3, "Nama Data") in _temuan(result, "SURVEI-R05")
    assert ("Data dan Informasi", 2, "Referensi RAD") in _temuan(result, "SPBE-KAT-001")
    assert ("Layanan", 10, "Nama Layanan") in _temuan(result, "SURVEI-R05")
    assert result.baru == 1 and result.diubah == 1 and result.gagal
    after = snapshot(root)
    changed = {k for k in after if before.get(k) != after[k]}
    assert changed == {"dinkes/layanan.yaml", BERKAS_PENERIMAAN.as_posix()}
    for rel in ("dinkes/layanan.yaml",):
        old = [ln for ln in before[rel].decode().splitlines() if ln.lstrip().startswith("#")]
        new = [ln for ln in after[rel].decode().splitlines() if ln.lstrip().startswith("#")]
        assert old == new
    loaded = load(root)
    assert "DAL-DINKES-07" in loaded.model.elemen
    assert not any(".spbe" in f for f in loaded.model.files)


def test_second_import_changes_nothing(kerja: tuple[Path, Path]) -> None:
    root, form = kerja
    _isi_perubahan(form)
    _impor(root, form)
    before = snapshot(root)
    again = _impor(root, form)
    assert (again.baru, again.diubah, again.diff) == (0, 0, "")
    assert snapshot(root) == before
    assert len(baca_penerimaan(root)) == 1


def test_dry_run_prints_diff_and_writes_nothing(kerja: tuple[Path, Path]) -> None:
    root, form = kerja
    _isi_perubahan(form)
    before = snapshot(root)
    result = _impor(root, form, dry_run=True)
    assert snapshot(root) == before
    assert "--- a/dinkes/layanan.yaml\n+++ b/dinkes/layanan.yaml\n" in result.diff
    assert "+    fungsi: Pelayanan rujukan\n" in result.diff
    assert result.ditulis == []


def test_receipt_records_opd_file_hash_and_counts(kerja: tuple[Path, Path]) -> None:
    root, form = kerja
    _isi_perubahan(form)
    _impor(root, form)
    (receipt,) = baca_penerimaan(root)
    assert (receipt.opd, receipt.berkas, receipt.baru, receipt.diubah) == (
        "DINKES",
        form.name,
        1,
        1,
    )
    assert receipt.sha256 == meta.sha256_file(form) and receipt.tanggal == NOW
    assert receipt.ditolak == 3  # DAL-DINKES-50, DAD-DINKES-01, DAD-DINKES-02


def test_messy_cells_are_tolerated(kerja: tuple[Path, Path]) -> None:
    root, form = kerja
    wb = buka(form)
    ws = wb["Proses Bisnis"]
    row = baris_kosong(ws) + 3  # empty rows in between
    isi(ws, row, {"ID": 1, "Nama Bisnis/Urusan": "  Surveilans Gizi  ",
                  "Referensi RAB": "rab.04.01.04 - Pengelolaan Pelayanan Kesehatan",
                  "Tahun Mulai": "2026", "Tahun Selesai": 2029.0, "Status": "BARU",
                  "Unit Kerja": "DINKES-KESMAS - Bidang Kesehatan Masyarakat",
                  "Bidang Urusan": "1.02; 2.14", "Satuan IKU": 12})  # fmt: skip
    isi(ws, row + 1, {"Nama Bisnis/Urusan": "Pengawasan Obat", "Status": "Baru"})
    ws.merge_cells(start_row=row, end_row=row + 1, start_column=kolom(ws, "Referensi RAB"),
                   end_column=kolom(ws, "Referensi RAB"))  # fmt: skip
    ws.cell(row=1, column=ws.max_column + 1, value="Catatan Pribadi")
    wb.save(form)
    result = _impor(root, form)
    model = load(root).model
    one = model.elemen["1"]
    assert one.nama == "Surveilans Gizi" and one.referensi == "RAB.04.01.04"
    assert (one.tahun_mulai, one.tahun_selesai, one.status.value) == (2026, 2029, "baru")  # type: ignore[union-attr]
    assert one.unit_kerja == "DINKES-KESMAS" and one.bidang_urusan == ["1.02", "2.14"]  # type: ignore[attr-defined]
    assert one.satuan_iku == "12"  # type: ignore[attr-defined]
    other = next(e for e in model.of_kind("proses_bisnis") if e.nama == "Pengawasan Obat")
    assert other.referensi == "RAB.04.01.04"  # the merged cell fills both rows
    assert ("Proses Bisnis", 1, "Catatan Pribadi") in _temuan(result, "SURVEI-K02")


def test_formula_without_cached_value_is_reported(kerja: tuple[Path, Path]) -> None:
    root, form = kerja
    wb = buka(form)
    ws = wb["Layanan"]
    isi(ws, baris_id(ws, "DAL-DINKES-01"), {"Fungsi": '=CONCAT("a","b")'})
    wb.save(form)
    result = _impor(root, form)
    assert ("Layanan", 2, "Fungsi") in _temuan(result, "SURVEI-B01")
    assert result.gagal


def test_formula_cached_value_is_read(kerja: tuple[Path, Path]) -> None:
    root, form = kerja
    wb = buka(form)
    ws = wb["Layanan"]
    row, col = baris_id(ws, "DAL-DINKES-01"), kolom(ws, "Fungsi")
    isi(ws, row, {"Fungsi": '=CONCAT("Rujukan"," cepat")'})
    ref = ws.cell(row=row, column=col).coordinate
    index = wb.sheetnames.index("Layanan") + 1
    wb.save(form)
    _cache(form, f"xl/worksheets/sheet{index}.xml", ref, "Rujukan cepat")
    result = _impor(root, form)
    assert not _temuan(result, "SURVEI-B01")
    assert load(root).model.elemen["DAL-DINKES-01"].fungsi == "Rujukan cepat"  # type: ignore[attr-defined]


def _cache(path: Path, member: str, ref: str, value: str) -> None:
    """Give a formula cell a cached string value, as Excel does when it saves."""
    with zipfile.ZipFile(path) as src:
        items = {n: src.read(n) for n in src.namelist()}
    xml = items[member].decode()
    pattern = re.compile(rf'<c r="{ref}"([^>]*)><f>(.*?)</f>(<v>.*?</v>|<v\s*/>)?</c>')
    xml, count = pattern.subn(
        lambda m: f'<c r="{ref}" t="str"><f>{m[2]}</f><v>{value}</v></c>', xml
    )
    assert count == 1
    items[member] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in items.items():
            out.writestr(name, data)


def _meta(form: Path, key: str, value: str) -> None:
    wb = buka(form)
    ws = wb[meta.META]
    for row in ws.iter_rows():
        if row[0].value == key:
            row[1].value = value
    wb.save(form)


@pytest.mark.parametrize(
    ("rusak", "pesan"),
    [
        (lambda wb: setattr(wb["Layanan"], "title", "Layanan Kami"), "lembar 'Layanan' tidak ada"),
        (lambda wb: wb.remove(wb["Aplikasi"]), "lembar 'Aplikasi' tidak ada"),
        (lambda wb: setattr(wb["Layanan"].cell(row=1, column=5), "value", "Judul Layanan"),
         "kolom wajib 'Nama Layanan *'"),
        (lambda wb: wb.remove(wb[meta.META]), "bukan formulir spbe-arch"),
    ],
)  # fmt: skip
def test_refusals_of_structure(kerja: tuple[Path, Path], rusak: object, pesan: str) -> None:
    root, form = kerja
    wb = buka(form)
    rusak(wb)  # type: ignore[operator]
    wb.save(form)
    before = snapshot(root)
    result = _impor(root, form)
    (refused,) = result.ditolak
    assert pesan in refused.text() and result.gagal
    assert snapshot(root) == before


@pytest.mark.parametrize(
    ("key", "value", "pesan"),
    [
        (meta.K_VERSI, "0", "formulir versi 0"),
        (meta.K_PEMDA, "Pemerintah Kota Lain", "tanda tangan formulir tidak cocok"),
        (meta.K_OPD, "DINAS-LAIN", "tanda tangan formulir tidak cocok"),
    ],
)
def test_refusals_of_origin(kerja: tuple[Path, Path], key: str, value: str, pesan: str) -> None:
    root, form = kerja
    _meta(form, key, value)
    (refused,) = _impor(root, form).ditolak
    assert pesan in refused.text()
    assert "form" in refused.text("en")


def test_not_a_workbook_is_refused(kerja: tuple[Path, Path]) -> None:
    root, form = kerja
    form.write_text("bukan excel", encoding="utf-8")
    (refused,) = _impor(root, form).ditolak
    assert "bukan buku kerja .xlsx" in refused.text()


def test_hapus_removes_rows_left_out_only_when_asked(kerja: tuple[Path, Path]) -> None:
    root, form = kerja
    wb = buka(form)
    ws = wb["Layanan"]
    ws.delete_rows(baris_id(ws, "DAL-DINKES-06"))  # still referred to by DAA-DINKES-05
    wa = wb["Aplikasi"]
    wa.delete_rows(baris_id(wa, "DAA-DINKES-04"))
    wb.save(form)
    first = _impor(root, form)
    assert {"DAL-DINKES-06", "DAA-DINKES-04"} <= set(load(root).model.elemen)
    hints = [t.pesan for t in first.temuan if t.kode == "SURVEI-H01"]
    assert len(hints) == 2 and all("--hapus" in h for h in hints)
    result = _impor(root, form, hapus=True)
    assert result.dihapus == 1
    model = load(root).model
    assert "DAA-DINKES-04" not in model.elemen and "DAL-DINKES-06" in model.elemen
    (kept,) = [t for t in result.temuan if t.kode == "SURVEI-H03"]
    assert "DAA-DINKES-05.layanan" in kept.pesan and kept.tingkat == "error"


def test_model_edits_since_generation_are_kept(kerja: tuple[Path, Path]) -> None:
    root, form = kerja
    path = root / "dinkes/layanan.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("metode_layanan: hybrid", "metode_layanan: elektronik", 1))
    wb = buka(form)
    ws = wb["Layanan"]
    isi(ws, baris_id(ws, "DAL-DINKES-01"), {"Fungsi": "Rujukan"})
    wb.save(form)
    _impor(root, form)
    element = load(root).model.elemen["DAL-DINKES-01"]
    assert element.metode_layanan.value == "elektronik"  # type: ignore[attr-defined]
    assert element.fungsi == "Rujukan"  # type: ignore[attr-defined]


def test_new_element_of_a_new_section_gets_its_own_file(kerja: tuple[Path, Path]) -> None:
    root, form = kerja
    wb = buka(form)
    ws = wb["Periferal"]
    isi(ws, 2, {"Nama": "Printer Kartu Pasien", "Tipe Periferal": "Printer"})
    wb.save(form)
    _impor(root, form)
    text = (root / "dinkes/infrastruktur.yaml").read_text(encoding="utf-8")
    assert "  - id: DAI-DINKES-01\n    jenis: periferal\n    nama: Printer Kartu Pasien\n" in text


def test_crash_mid_write_leaves_originals_intact(
    kerja: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, form = kerja
    _isi_perubahan(form)
    before = snapshot(root)

    def boom(*args: object, **kwargs: object) -> None:  # fileio passes dir_fd keywords
        raise OSError("disk penuh")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError, match="disk penuh"):
        _impor(root, form)
    assert snapshot(root) == before  # no temp file left behind either


def test_example_model_is_untouched_by_the_suite() -> None:
    assert not (CONTOH / ".spbe").exists()
