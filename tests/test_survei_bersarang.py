"""Nested records (procurement, service standards) on the forms: one column per sub-field."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest
from pydantic import BaseModel, Field

from spbe_arch.load import load
from spbe_arch.model.base import Pilihan
from spbe_arch.survei.baris import isi_data
from spbe_arch.survei.impor import impor
from spbe_arch.survei.kolom import _kolom_bersarang, lembar, nilai_dari
from spbe_arch.survei.tulis import Berkas
from survei_kit import NOW, TODAY, baris_id, buat, buka, isi, salin_contoh


class _Dana(Pilihan):
    APBD = "apbd"
    DAK = "dak"


class _Pengadaan(BaseModel):
    nilai: int | None = Field(default=None, title="Nilai Kontrak", description="Rupiah.")
    tahun: int | None = Field(default=None, description="Tahun anggaran.")
    sumber_dana: _Dana | None = None
    catatan: list[str] = Field(default_factory=list)


class _Elemen(BaseModel):
    KIND: ClassVar[str] = "aplikasi"
    pengadaan: _Pengadaan | None = None


def test_a_nested_record_becomes_one_column_per_sub_field() -> None:
    cols = _kolom_bersarang(_Elemen, "pengadaan")  # type: ignore[arg-type]
    assert [(k.field, k.header, k.jenis) for k in cols] == [
        ("pengadaan.nilai", "Pengadaan: Nilai Kontrak", "bulat"),
        ("pengadaan.tahun", "Pengadaan: Tahun", "bulat"),
        ("pengadaan.sumber_dana", "Pengadaan: Sumber dana", "pilihan"),
        ("pengadaan.catatan", "Pengadaan: Catatan", "teks_daftar"),
    ]
    assert not any(k.wajib for k in cols)
    element = _Elemen(pengadaan=_Pengadaan(nilai=5))
    assert nilai_dari(element, "pengadaan.nilai") == 5
    assert nilai_dari(_Elemen(), "pengadaan.nilai") is None


def test_nested_values_set_and_removed_in_data_and_yaml() -> None:
    data: dict[str, object] = {"id": "A", "pengadaan": {"nilai": 5, "tahun": 2020}}
    isi_data(data, "pengadaan.nilai", None)
    assert data["pengadaan"] == {"tahun": 2020}
    isi_data(data, "pengadaan.tahun", None)
    assert "pengadaan" not in data
    text = (
        "aplikasi:\n  - id: A\n    nama: X\n    pengadaan:\n      nilai: 5  # kontrak awal\n"
        "      tahun: 2020\n    status: as_is\n"
    )
    berkas = Berkas("a.yaml", text)
    berkas.ubah("aplikasi", 0, {"pengadaan": {"tahun": 2021, "sumber_dana": _Dana.DAK}},
                ["id", "nama", "pengadaan", "status"])  # fmt: skip
    assert berkas.teks() == (
        "aplikasi:\n  - id: A\n    nama: X\n    pengadaan:\n      nilai: 5  # kontrak awal\n"
        "      tahun: 2021\n      sumber_dana: dak\n    status: as_is\n"
    )
    berkas = Berkas("a.yaml", text)
    berkas.ubah("aplikasi", 0, {"pengadaan": {"nilai": None, "tahun": None}}, ["pengadaan"])
    assert "pengadaan" not in berkas.teks()


def _bersarang() -> list[str]:
    return [k.field for k in lembar("aplikasi").kolom if "." in k.field]


@pytest.mark.skipif(not _bersarang(), reason="the model has no nested record on aplikasi yet")
def test_nested_record_round_trip_through_a_form(tmp_path: Path) -> None:
    """Runs once the model gives aplikasi a nested record (e.g. ``pengadaan``)."""
    field = _bersarang()[0]
    kolom = next(k for k in lembar("aplikasi").kolom if k.field == field)
    root = salin_contoh(tmp_path / "model")
    (form,) = buat(root, tmp_path / "out", "DINKES")
    value = {"bulat": 2024, "bilangan": 1.5, "teks": "Uji"}.get(kolom.jenis)
    if value is None:
        pytest.skip(f"first nested column is {kolom.jenis}")
    wb = buka(form)
    ws = wb["Aplikasi"]
    isi(ws, baris_id(ws, "DAA-DINKES-01"), {kolom.header: value})
    wb.save(form)
    result = impor(root, [form], now=NOW, today=TODAY)
    assert result.diubah == 1, [t.text() for t in result.temuan]
    assert nilai_dari(load(root).model.elemen["DAA-DINKES-01"], field) == value
