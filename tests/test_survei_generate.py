"""``survey generate``: sheets, protection, hidden columns and sheets, notes, dropdown ranges."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from spbe_arch.check import pinned_katalog
from spbe_arch.load import load
from spbe_arch.model.base import Pilihan
from spbe_arch.rules import REGISTRY
from spbe_arch.survei import meta
from spbe_arch.survei.daftar import kode_boleh
from spbe_arch.survei.kolom import (
    FORM_VERSION,
    NAMA_SHEET,
    jenis_formulir,
    label_pilihan,
    lembar,
    nilai_pilihan,
)
from survei_kit import NOW, buat, kolom, salin_contoh


@pytest.fixture(scope="module")
def contoh(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Workbook]:
    root = salin_contoh(tmp_path_factory.mktemp("gen") / "model")
    (form,) = buat(root, root.parent / "out", "DINKES")
    return root, load_workbook(form)


def _validasi(ws: object, column: int) -> list[object]:
    from openpyxl.utils import get_column_letter

    letter = get_column_letter(column)
    return [
        dv for dv in ws.data_validations.dataValidation if str(dv.sqref).startswith(f"{letter}2:")
    ]  # type: ignore[attr-defined]


def test_sheets_cover_first_hidden_lists_and_meta(contoh: tuple[Path, Workbook]) -> None:
    _, wb = contoh
    assert wb.sheetnames[0] == meta.SAMPUL
    assert wb.sheetnames[-2:] == [meta.DAFTAR, meta.META]
    assert wb[meta.DAFTAR].sheet_state == "hidden" and wb[meta.DAFTAR].protection.sheet
    assert wb[meta.META].sheet_state == "hidden" and wb[meta.META].protection.sheet
    assert wb.security is not None and wb.security.lockStructure
    for name in ("Proses Bisnis", "Data dan Informasi", "Layanan", "Aplikasi", "Server"):
        assert name in wb.sheetnames
    assert "Sistem Operasi" not in wb.sheetnames  # Pemda-wide: the coordinator's form


def test_cover_names_pemda_opd_deadline_and_contact(contoh: tuple[Path, Workbook]) -> None:
    _, wb = contoh
    text = "\n".join(str(c.value) for row in wb[meta.SAMPUL].iter_rows() for c in row if c.value)
    assert "Pemerintah Kabupaten Contoh" in text
    assert "Dinas Kesehatan Kabupaten Contoh (DINKES)" in text
    assert "18 Desember 2026" in text
    assert "Rina Wulandari" in text and "spbe@contohkab.go.id" in text


def test_meta_records_version_opd_time_and_model_hash(contoh: tuple[Path, Workbook]) -> None:
    root, wb = contoh
    values = {r[0]: r[1] for r in wb[meta.META].iter_rows(values_only=True)}
    assert values[meta.K_VERSI] == FORM_VERSION
    assert values[meta.K_OPD] == "DINKES"
    assert values[meta.K_DIBUAT] == NOW.isoformat()
    assert values[meta.K_HASH] == meta.hash_model(root)
    assert values[meta.K_PEMDA] == "Pemerintah Kabupaten Contoh"


def test_headers_protected_notes_required_marks_hidden_id_columns(
    contoh: tuple[Path, Workbook],
) -> None:
    _, wb = contoh
    ws = wb["Layanan"]
    assert ws.protection.sheet
    assert all(ws.column_dimensions[c].hidden for c in "ABC")
    assert [c.value for c in ws[1]][:5] == [
        "ID Asal", "Nilai Asal", "Tanda Asal", "ID", "Nama Layanan *"
    ]  # fmt: skip
    tujuan = ws.cell(row=1, column=kolom(ws, "Tujuan"))
    # asked for by SPBE-LAY-001: required (*, orange) when the rule is an error, else yellow
    if REGISTRY["SPBE-LAY-001"].severity.value == "error":
        assert tujuan.value == "Tujuan *" and tujuan.fill.fgColor.rgb.endswith("FCE4D6")
    else:
        assert tujuan.value == "Tujuan" and tujuan.fill.fgColor.rgb.endswith("FFF2CC")
    assert tujuan.comment is not None and "Tujuan layanan" in tujuan.comment.text
    multi = ws.cell(row=1, column=kolom(ws, "Proses Bisnis")).comment
    assert multi is not None and "Boleh lebih dari satu" in multi.text
    assert ws.cell(row=1, column=4).protection.locked
    assert ws.cell(row=2, column=5).protection.locked is False
    assert ws.column_dimensions["E"].protection.locked is False


def test_prefilled_rows_are_the_opds_elements(contoh: tuple[Path, Workbook]) -> None:
    root, wb = contoh
    model = load(root).model
    ws = wb["Layanan"]
    ids = [ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)]
    expected = [e.id for e in model.of_kind("layanan") if model.owner(e.id) == "DINKES"]
    assert [i for i in ids if i] == expected
    row = 2
    assert ws.cell(row=row, column=kolom(ws, "Referensi RAL")).value.startswith("RAL.01.25.04 - ")
    assert ws.cell(row=row, column=kolom(ws, "Metode Layanan")).value == "Hybrid"


def test_dropdowns_inline_for_short_lists_and_ranges_for_long(
    contoh: tuple[Path, Workbook],
) -> None:
    root, wb = contoh
    ws = wb["Layanan"]
    (metode,) = _validasi(ws, kolom(ws, "Metode Layanan"))
    assert metode.formula1 == '"Elektronik,Hybrid,Tatap muka"'  # type: ignore[attr-defined]
    assert metode.errorStyle == "stop"  # type: ignore[attr-defined]
    (kode,) = _validasi(ws, kolom(ws, "Referensi RAL"))
    katalog = pinned_katalog(load(root).model)
    assert katalog is not None
    allowed = kode_boleh(katalog, "RAL", None)
    formula = kode.formula1  # type: ignore[attr-defined]
    assert formula.startswith("'_daftar'!$") and formula.endswith(f"${len(allowed) + 1}")
    daftar = wb[meta.DAFTAR]
    column = formula.split("!$")[1].split("$")[0]
    listed = [daftar[f"{column}{r}"].value for r in range(2, len(allowed) + 2)]
    assert listed[0].startswith(allowed[0] + " - ")
    assert all(not katalog.children(c) or c in allowed for c in allowed)
    (urusan,) = _validasi(ws, kolom(ws, "Urusan Pemerintahan"))
    column = urusan.formula1.split("!$")[1].split("$")[0]  # type: ignore[attr-defined]
    assert daftar[f"{column}2"].value.startswith("RAB.01.01 - ")  # RAB level 2
    (pb,) = _validasi(ws, kolom(ws, "Proses Bisnis"))
    assert pb.showErrorMessage is False  # several ids, comma-separated  # type: ignore[attr-defined]


def test_only_requested_opds_and_unknown_opd_refused(tmp_path: Path) -> None:
    root = salin_contoh(tmp_path / "model")
    with pytest.raises(KeyError):
        buat(root, tmp_path / "out", "TIDAK-ADA")


def test_coordinator_answers_for_every_kind() -> None:
    assert len(jenis_formulir(["2.16"], set())) == len(NAMA_SHEET)
    assert "sistem_operasi" in jenis_formulir(["1.02"], {"sistem_operasi"})
    assert "sistem_operasi" not in jenis_formulir(["1.02"], set())


def test_choice_labels_and_values_import_unambiguously() -> None:
    for kind in NAMA_SHEET:
        for k in lembar(kind).kolom:
            if not k.pilihan:
                continue
            keys = [nilai_pilihan(c).casefold() for c in k.pilihan]
            labels = [label_pilihan(c).casefold() for c in k.pilihan]
            assert len(set(keys)) == len(keys) and len(set(labels)) == len(labels)
            for i, label in enumerate(labels):  # a label never names another choice's value
                assert all(label != v for j, v in enumerate(keys) if j != i)
            assert all(isinstance(c, Pilihan | str) for c in k.pilihan)


def test_every_generated_sheet_opens_in_openpyxl_with_its_values(tmp_path: Path) -> None:
    root = salin_contoh(tmp_path / "model")
    forms = buat(root, tmp_path / "out", "DISKOMINFO", "DINKES")
    model = load(root).model
    for form in forms:
        wb = load_workbook(form)
        seen = 0
        for ws in wb.worksheets[1:-2]:
            kind = next(k for k, name in NAMA_SHEET.items() if name == ws.title)
            for row in range(2, ws.max_row + 1):
                ident = ws.cell(row=row, column=1).value
                if ident:
                    element = model.elemen[ident]
                    assert kind == element.KIND
                    name_col = kolom(ws, lembar(kind).by_field("nama").header)  # type: ignore[union-attr]
                    assert ws.cell(row=row, column=name_col).value == element.nama
                    seen += 1
        assert seen >= 20
