"""Import integrity: nothing wrong enters the YAML, nothing reverts silently, all or nothing.

Also the first afternoon of an operator: forms for every element (unowned ones in a chosen
form, with a warning), warnings without deadline or contact, print setup, tooltips in the
words OPD staff see, counts that agree between the receipt, the printed summary and status,
and the modes of every file written (0644 under umask 022).
"""

from __future__ import annotations

import json
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from spbe_arch import fileio
from spbe_arch.cli import main
from spbe_arch.load import load
from spbe_arch.survei import jurnal
from spbe_arch.survei.generate import buat_semua
from spbe_arch.survei.impor import HasilImpor, impor
from spbe_arch.survei.penerimaan import BERKAS_PENERIMAAN, baca_penerimaan
from spbe_arch.survei.status import hitung_status
from survei_kit import (
    NOW,
    TODAY,
    baris_id,
    baris_kosong,
    buat,
    buka,
    isi,
    kolom,
    salin_contoh,
    snapshot,
)
from workbook_kit import salin, siapkan


@pytest.fixture(scope="module")
def asli(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return siapkan(tmp_path_factory.mktemp("integritas"))


@pytest.fixture
def kerja(asli: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    return salin(*asli, tmp_path)


@pytest.fixture
def umask022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _impor(root: Path, *files: Path, **kw: bool) -> HasilImpor:
    return impor(root, list(files), now=NOW, today=TODAY, **kw)


def _ubah(form: Path, sheet: str, ident: str, values: dict[str, object]) -> None:
    wb = buka(form)
    ws = wb[sheet]
    isi(ws, baris_id(ws, ident), values)
    wb.save(form)


def _yaml_ganti(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- three-way -----------------------------------------------------------------------------------


def test_yaml_only_change_is_kept_form_only_change_is_taken(kerja: tuple[Path, Path]) -> None:
    root, form = kerja
    _yaml_ganti(root, "dinkes/layanan.yaml", "metode_layanan: hybrid", "metode_layanan: elektronik")
    _ubah(form, "Layanan", "DAL-DINKES-01", {"Fungsi": "Rujukan"})
    result = _impor(root, form)
    element = load(root).model.elemen["DAL-DINKES-01"]
    assert element.metode_layanan.value == "elektronik"  # type: ignore[attr-defined]
    assert element.fungsi == "Rujukan"  # type: ignore[attr-defined]
    assert not result.gagal


def test_both_changed_is_a_conflict_and_the_row_is_not_written(kerja: tuple[Path, Path]) -> None:
    root, form = kerja
    _yaml_ganti(root, "dinkes/layanan.yaml", "metode_layanan: hybrid", "metode_layanan: elektronik")
    _ubah(form, "Layanan", "DAL-DINKES-01", {"Metode Layanan": "Tatap muka", "Fungsi": "Baru"})
    before = (root / "dinkes/layanan.yaml").read_bytes()
    result = _impor(root, form)
    (conflict,) = [t for t in result.temuan if t.kode == "SURVEI-R03"]
    assert (conflict.lembar, conflict.baris, conflict.kolom) == ("Layanan", 2, "Metode Layanan")
    assert "elektronik" in conflict.pesan and "tatap_muka" in conflict.pesan
    assert result.gagal and (root / "dinkes/layanan.yaml").read_bytes() == before


def test_reimporting_the_same_workbook_is_a_no_op(kerja: tuple[Path, Path]) -> None:
    root, form = kerja
    _ubah(form, "Layanan", "DAL-DINKES-01", {"Fungsi": "Rujukan"})
    _impor(root, form)
    _yaml_ganti(root, "dinkes/layanan.yaml", "fungsi: Rujukan", "fungsi: Rujukan (diperbaiki)")
    before = snapshot(root)
    again = _impor(root, form)
    assert snapshot(root) == before
    assert any(t.kode == "SURVEI-I01" for t in again.temuan)
    assert load(root).model.elemen["DAL-DINKES-01"].fungsi == "Rujukan (diperbaiki)"  # type: ignore[attr-defined]


def test_old_form_does_not_bring_back_a_deleted_element(kerja: tuple[Path, Path]) -> None:
    root, form = kerja
    path = root / "dinkes/aplikasi.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: DAA-DINKES-04")
    end = text.find("\n  - id:", start + 5)
    path.write_text(text[:start] + (text[end + 1 :] if end != -1 else ""), encoding="utf-8")
    assert "DAA-DINKES-04" not in load(root).model.elemen
    result = _impor(root, form)
    assert "DAA-DINKES-04" not in load(root).model.elemen
    assert any(t.kode == "SURVEI-R01" and t.tingkat == "info" for t in result.temuan)


@pytest.mark.parametrize(
    ("header", "value", "code"),
    [
        ("Proses Bisnis", "DAB-TIDAK-ADA", "SPBE-REF-001"),
        ("Referensi RAL", "RAL.99.99.99", "SPBE-KAT-001"),
    ],
)
def test_a_row_bringing_a_check_error_is_not_written(
    kerja: tuple[Path, Path], header: str, value: str, code: str
) -> None:
    root, form = kerja
    _ubah(form, "Layanan", "DAL-DINKES-01", {header: value, "Fungsi": "Baru"})
    before = (root / "dinkes/layanan.yaml").read_bytes()
    result = _impor(root, form)
    found = [(t.lembar, t.baris, t.kolom) for t in result.temuan if t.kode == code]
    assert found == [("Layanan", 2, header)], [t.text() for t in result.temuan]
    assert (root / "dinkes/layanan.yaml").read_bytes() == before
    from spbe_arch.check import check

    errors = [p for p in check(root, today=TODAY).problems if p.code == code]
    assert not errors


def test_renaming_an_id_others_refer_to_is_not_written(kerja: tuple[Path, Path]) -> None:
    root, form = kerja
    _ubah(form, "Layanan", "DAL-DINKES-06", {"ID": "DAL-DINKES-60"})
    before = snapshot(root)
    result = _impor(root, form)
    assert result.gagal and snapshot(root) == {**before, **{
        k: v for k, v in snapshot(root).items() if k == BERKAS_PENERIMAAN.as_posix()
    }}  # fmt: skip
    assert "DAL-DINKES-06" in load(root).model.elemen


def test_required_column_left_empty_refuses_the_row(kerja: tuple[Path, Path]) -> None:
    root, form = kerja
    _ubah(form, "Layanan", "DAL-DINKES-01", {"Nama Layanan": None, "Fungsi": "Baru"})
    result = _impor(root, form)
    found = [(t.baris, t.kolom) for t in result.temuan if t.kode == "SURVEI-R05"]
    assert found == [(2, "Nama Layanan")]
    assert load(root).model.elemen["DAL-DINKES-01"].nama


# -- all or nothing ------------------------------------------------------------------------------


def _dua_berkas(form: Path) -> None:
    wb = buka(form)
    ws = wb["Layanan"]
    isi(ws, baris_id(ws, "DAL-DINKES-01"), {"Fungsi": "Rujukan"})
    wa = wb["Aplikasi"]
    isi(wa, baris_id(wa, "DAA-DINKES-01"), {"Keterangan": "Diperiksa"})
    wb.save(form)


def test_interrupted_import_is_completed_by_the_next_run(
    kerja: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, form = kerja
    _dua_berkas(form)
    real = fileio.write_atomic
    calls = {"n": 0}

    def crash(path: object, content: object, **kw: object) -> Path:
        calls["n"] += 1
        if calls["n"] == 3:  # journal, first model file, then the crash
            raise KeyboardInterrupt
        return real(path, content, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(fileio, "write_atomic", crash)
    with pytest.raises(KeyboardInterrupt):
        _impor(root, form)
    monkeypatch.setattr(fileio, "write_atomic", real)
    assert jurnal.ada(root)
    assert "impor yang terputus" in _status_teks(root)
    assert not (root / BERKAS_PENERIMAAN).exists()  # the receipt is written last
    result = _impor(root, form)
    assert result.pulih is not None and not jurnal.ada(root)
    model = load(root).model
    assert model.elemen["DAL-DINKES-01"].fungsi == "Rujukan"  # type: ignore[attr-defined]
    assert model.elemen["DAA-DINKES-01"].keterangan == "Diperiksa"
    assert len(baca_penerimaan(root)) == 1
    assert not [p for p in root.rglob("*.tmp")]


def _status_teks(root: Path) -> str:
    from spbe_arch.survei.status import format_teks

    return format_teks(hitung_status(root, today=TODAY))


def test_journal_is_data_paths_outside_are_refused(kerja: tuple[Path, Path]) -> None:
    root, form = kerja
    journal = root / str(jurnal.JURNAL)
    journal.parent.mkdir(parents=True)
    journal.write_text(
        json.dumps(
            {"versi": 1, "berkas": [{"berkas": "../luar.yaml", "sebelum": None, "isi": "x: 1\n"}]}
        ),
        encoding="utf-8",
    )
    with pytest.raises(jurnal.JurnalGagal):
        _impor(root, form)
    assert not (root.parent / "luar.yaml").exists()


def test_spbe_folder_linked_outside_is_refused(kerja: tuple[Path, Path], tmp_path: Path) -> None:
    root, form = kerja
    outside = tmp_path / "luar"
    outside.mkdir()
    (root / ".spbe").symlink_to(outside)
    _ubah(form, "Layanan", "DAL-DINKES-01", {"Fungsi": "Rujukan"})
    before = snapshot(root)
    code = main(["survey", "import", str(root), str(form)])
    assert code == 2
    assert list(outside.rglob("*")) == []
    assert snapshot(root) == before


def test_model_file_linked_outside_is_not_written(kerja: tuple[Path, Path], tmp_path: Path) -> None:
    root, form = kerja
    outside = tmp_path / "luar"
    outside.mkdir()
    # a model file linked out of the repository: not read (SPBE-YAML-013), and the import's
    # write to it refused by the journal
    target = outside / "infrastruktur.yaml"
    shutil.move(root / "dinkes" / "infrastruktur.yaml", target)
    (root / "dinkes" / "infrastruktur.yaml").symlink_to(target)
    before = {p: p.read_bytes() for p in outside.rglob("*") if p.is_file()}
    wb = buka(form)
    isi(wb["Periferal"], 2, {"Nama": "Printer Kartu", "Tipe Periferal": "Printer"})
    wb.save(form)
    with pytest.raises(jurnal.JurnalGagal) as caught:
        _impor(root, form)
    assert "di luar repositori" in caught.value.pesan
    assert {p: p.read_bytes() for p in outside.rglob("*") if p.is_file()} == before


def test_opd_folder_linked_outside_is_not_read(kerja: tuple[Path, Path], tmp_path: Path) -> None:
    """The whole OPD folder linked out: never read, so its form speaks for no OPD of the
    model and is refused before anything is written."""
    root, form = kerja
    outside = tmp_path / "luar"
    outside.mkdir()
    shutil.move(root / "dinkes", outside / "dinkes")
    (root / "dinkes").symlink_to(outside / "dinkes")
    before = {p: p.read_bytes() for p in outside.rglob("*") if p.is_file()}
    wb = buka(form)
    isi(wb["Periferal"], 2, {"Nama": "Printer Kartu", "Tipe Periferal": "Printer"})
    wb.save(form)
    hasil = _impor(root, form)
    assert [str(d) for d in hasil.ditolak] and not hasil.ditulis
    assert "DINKES" in str(hasil.ditolak[0])
    assert {p: p.read_bytes() for p in outside.rglob("*") if p.is_file()} == before


def test_new_files_are_0644_under_umask_022(
    kerja: tuple[Path, Path], tmp_path: Path, umask022: None
) -> None:
    root, form = kerja
    forms = buat(root, tmp_path / "keluar", "DINKES")
    assert stat.S_IMODE(forms[0].stat().st_mode) == 0o644
    wb = buka(form)
    isi(wb["Periferal"], 2, {"Nama": "Printer Kartu", "Tipe Periferal": "Printer"})
    wb.save(form)
    _impor(root, form)
    for rel in ("dinkes/infrastruktur.yaml", BERKAS_PENERIMAAN.as_posix()):
        assert stat.S_IMODE((root / rel).stat().st_mode) == 0o644, rel


def test_generate_refuses_a_form_path_linked_outside(
    tmp_path: Path, asli: tuple[Path, Path]
) -> None:
    out = tmp_path / "keluar"
    out.mkdir()
    target = tmp_path / "korban.txt"
    target.write_text("jangan ditimpa\n", encoding="utf-8")
    (out / "survei-spbe-DINKES.xlsx").symlink_to(target)
    assert main(["survey", "generate", str(asli[0]), "--out", str(out), "--opd", "DINKES"]) == 2
    assert target.read_text(encoding="utf-8") == "jangan ditimpa\n"


# -- every element in a form; the first afternoon ------------------------------------------------


def test_unowned_elements_go_to_the_chosen_form_with_a_warning(tmp_path: Path) -> None:
    root = salin_contoh(tmp_path / "model")
    (root / "bersama").mkdir()
    (root / "bersama" / "infrastruktur.yaml").write_text(
        "infrastruktur:\n  - id: DAI-BERSAMA-01\n    jenis: server\n    nama: Server Bersama\n",
        encoding="utf-8",
    )
    assert load(root).model.owner("DAI-BERSAMA-01") is None
    result = buat_semua(root, tmp_path / "out", opd=["DISKOMINFO", "DINKES"], now=NOW)
    (warning,) = [w for w in result.peringatan if "tanpa pemilik" in w[0]]
    assert "DAI-BERSAMA-01" in warning[0] and "DISKOMINFO" in warning[0]
    ws = load_workbook(tmp_path / "out" / "survei-spbe-DISKOMINFO.xlsx")["Server"]
    assert "DAI-BERSAMA-01" in [ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)]
    form = tmp_path / "out" / "survei-spbe-DISKOMINFO.xlsx"
    _ubah(form, "Server", "DAI-BERSAMA-01", {"Nama": "Server Bersama Pemda"})
    result_imp = _impor(root, form)
    assert result_imp.diubah == 1 and not result_imp.gagal
    assert load(root).model.elemen["DAI-BERSAMA-01"].nama == "Server Bersama Pemda"
    spbe = root / "spbe.yaml"
    spbe.write_text(
        spbe.read_text(encoding="utf-8").replace(
            "survei:\n", "survei:\n  formulir_tanpa_pemilik: SETDA\n", 1
        ),
        encoding="utf-8",
    )
    buat_semua(root, tmp_path / "out2", opd=["SETDA"], now=NOW)
    ws = load_workbook(tmp_path / "out2" / "survei-spbe-SETDA.xlsx")["Server"]
    assert "DAI-BERSAMA-01" in [ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)]


def test_missing_deadline_and_contact_are_warned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = salin_contoh(tmp_path / "model")
    spbe = root / "spbe.yaml"
    text = spbe.read_text(encoding="utf-8")
    spbe.write_text(text[: text.index("survei:")], encoding="utf-8")
    assert (
        main(["survey", "generate", str(root), "--out", str(tmp_path / "o"), "--opd", "DLH"]) == 0
    )
    err = capsys.readouterr().err
    assert "tanpa tenggat" in err and "tanpa narahubung" in err
    assert main(["survey", "generate", str(root), "--out", str(tmp_path / "o"), "--opd", "DLH",
                 "--lang", "en"]) == 0  # fmt: skip
    err = capsys.readouterr().err
    assert "without a deadline" in err and "without a contact" in err


def test_forms_print_landscape_fit_to_width_with_titles(asli: tuple[Path, Path]) -> None:
    wb = load_workbook(asli[1])
    for ws in wb.worksheets[1:-2]:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.page_setup.paperSize in ("8", "9", 8, 9)
        assert str(ws.page_setup.fitToWidth) == "1" and str(ws.page_setup.fitToHeight) == "0"
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == "$1:$1"
        assert str(ws.print_area).startswith(f"'{ws.title}'!$D$1:")
    cover = wb.worksheets[0]
    assert cover.page_setup.orientation == "portrait" and cover.page_setup.paperSize in ("9", 9)
    tall = [r for r, d in cover.row_dimensions.items() if d.height and d.height > 20]
    assert tall  # wrapped instruction rows are as tall as their text


def test_tooltips_use_labels_never_internal_values(asli: tuple[Path, Path]) -> None:
    wb = load_workbook(asli[1])
    notes = [c.comment.text for ws in wb.worksheets for c in ws[1] if c.comment is not None]
    assert len(notes) > 50
    for text in notes:
        assert "`" not in text, text
        assert "as_is" not in text and "to_be" not in text and "tatap_muka" not in text, text
        assert "^[" not in text, text
    ws = wb["Layanan"]
    note = ws.cell(row=1, column=kolom(ws, "ID")).comment.text  # type: ignore[union-attr]
    assert "DAL-DINKES-01" in note  # the example is the OPD's own id style


def test_staff_messages_name_labels_not_regexes(kerja: tuple[Path, Path]) -> None:
    root, form = kerja
    wb = buka(form)
    ws = wb["Layanan"]
    row = baris_kosong(ws)
    isi(ws, row, {"ID": "DAL DINKES 99!", "Nama Layanan": "Baru", "Tujuan": "x",
                  "Target Layanan": "Masyarakat", "Metode Layanan": "Elektronik"})  # fmt: skip
    wb.save(form)
    result = _impor(root, form)
    (bad,) = [t for t in result.temuan if t.baris == row and t.tingkat == "error"]
    assert "huruf, angka" in bad.pesan and "^[" not in bad.pesan and "DAL-DINKES-01" in bad.pesan


def test_counts_agree_between_receipt_summary_and_status(
    kerja: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root, form = kerja
    _ubah(form, "Aplikasi", "DAA-DINKES-02", {"Infrastruktur": None})  # a warning remains
    assert main(["survey", "import", str(root), str(form)]) == 0
    out = capsys.readouterr().out
    (receipt,) = baca_penerimaan(root)
    row = next(b for b in hitung_status(root, today=TODAY).baris if b.opd == "DINKES")
    assert receipt.masalah == row.masalah >= 1
    assert f"{receipt.masalah} masalah (galat dan peringatan) pada elemen DINKES" in out
