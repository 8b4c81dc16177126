"""Elements owned by several OPDs: in every owner's form, and no owner's import drops another's.

The model names one owner per element today; ownership goes through
:func:`spbe_arch.survei.pemilik.owners_of`, so these tests give one element two owners there.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook

from spbe_arch.load import load
from spbe_arch.survei import baris, pemilik, rencana, status
from spbe_arch.survei.impor import impor
from spbe_arch.survei.pemilik import owners_of
from survei_kit import NOW, TODAY, baris_id, buat, buka, isi, salin_contoh

BERSAMA = "DAL-DINKES-01"


def test_owners_of_reads_one_or_several() -> None:
    assert owners_of(SimpleNamespace(opd="DINKES")) == ("DINKES",)  # type: ignore[arg-type]
    assert owners_of(SimpleNamespace(opd=["A", "B", "A"])) == ("A", "B")  # type: ignore[arg-type]
    assert owners_of(SimpleNamespace(opd=None)) == ()  # type: ignore[arg-type]


@pytest.fixture
def dua_pemilik(monkeypatch: pytest.MonkeyPatch) -> None:
    real = pemilik.owners_of

    def shared(element: object) -> tuple[str, ...]:
        if getattr(element, "id", None) == BERSAMA:
            return ("DINKES", "DINSOS")
        return real(element)  # type: ignore[arg-type]

    for module in (pemilik, baris, rencana, status):
        monkeypatch.setattr(module, "owners_of", shared)


def _ids(form: Path, sheet: str) -> list[object]:
    ws = load_workbook(form)[sheet]
    return [ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)]


def test_shared_element_is_in_every_owners_form_and_edits_merge(
    tmp_path: Path, dua_pemilik: None
) -> None:
    root = salin_contoh(tmp_path / "model")
    dinkes, dinsos = buat(root, tmp_path / "out", "DINKES", "DINSOS")
    assert BERSAMA in _ids(dinkes, "Layanan") and BERSAMA in _ids(dinsos, "Layanan")
    for form, values in ((dinkes, {"Fungsi": "Rujukan"}), (dinsos, {"Keterangan": "Bersama"})):
        wb = buka(form)
        ws = wb["Layanan"]
        isi(ws, baris_id(ws, BERSAMA), values)
        wb.save(form)
    result = impor(root, [dinkes, dinsos], now=NOW, today=TODAY)
    assert not result.gagal, [t.text() for t in result.temuan]
    element = load(root).model.elemen[BERSAMA]
    assert element.fungsi == "Rujukan" and element.keterangan == "Bersama"  # type: ignore[attr-defined]


def test_one_owners_old_form_never_drops_the_others_edit(tmp_path: Path, dua_pemilik: None) -> None:
    root = salin_contoh(tmp_path / "model")
    dinkes, dinsos = buat(root, tmp_path / "out", "DINKES", "DINSOS")
    wb = buka(dinkes)
    ws = wb["Layanan"]
    isi(ws, baris_id(ws, BERSAMA), {"Fungsi": "Rujukan"})
    wb.save(dinkes)
    impor(root, [dinkes], now=NOW, today=TODAY)
    wb = buka(dinsos)
    ws = wb["Layanan"]
    isi(ws, baris_id(ws, BERSAMA), {"Keterangan": "Dari Dinsos"})
    wb.save(dinsos)
    result = impor(root, [dinsos], now=NOW, today=TODAY)
    assert not result.gagal
    element = load(root).model.elemen[BERSAMA]
    assert element.fungsi == "Rujukan" and element.keterangan == "Dari Dinsos"  # type: ignore[attr-defined]


def test_same_field_changed_by_two_owners_is_a_conflict(tmp_path: Path, dua_pemilik: None) -> None:
    root = salin_contoh(tmp_path / "model")
    dinkes, dinsos = buat(root, tmp_path / "out", "DINKES", "DINSOS")
    for form, text in ((dinkes, "Versi Dinkes"), (dinsos, "Versi Dinsos")):
        wb = buka(form)
        ws = wb["Layanan"]
        isi(ws, baris_id(ws, BERSAMA), {"Fungsi": text})
        wb.save(form)
    result = impor(root, [dinkes, dinsos], now=NOW, today=TODAY)
    (conflict,) = [t for t in result.temuan if t.kode == "SURVEI-R03"]
    assert conflict.berkas == dinsos.name and "DINKES" in conflict.pesan
    assert load(root).model.elemen[BERSAMA].fungsi == "Versi Dinkes"  # type: ignore[attr-defined]


def test_hapus_through_one_owner_keeps_a_shared_element(tmp_path: Path, dua_pemilik: None) -> None:
    root = salin_contoh(tmp_path / "model")
    (dinsos,) = buat(root, tmp_path / "out", "DINSOS")
    wb = buka(dinsos)
    ws = wb["Layanan"]
    ws.delete_rows(baris_id(ws, BERSAMA))
    wb.save(dinsos)
    result = impor(root, [dinsos], now=NOW, today=TODAY, hapus=True)
    assert BERSAMA in load(root).model.elemen
    assert any(t.kode == "SURVEI-H02" for t in result.temuan)
