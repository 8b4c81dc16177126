"""``survey status`` (text, markdown, xlsx) and the ``survey`` command line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from spbe_arch.cli import main
from spbe_arch.survei.impor import impor
from spbe_arch.survei.kolom import WAJIB_ATURAN
from spbe_arch.survei.status import format_markdown, format_teks, hitung_status, tulis_xlsx
from survei_kit import NOW, TODAY, baris_id, buat, buka, isi, salin_contoh


@pytest.fixture(scope="module")
def diimpor(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("status")
    root = salin_contoh(base / "model")
    (form,) = buat(root, base / "out", "DINKES")
    wb = buka(form)
    ws = wb["Aplikasi"]
    isi(ws, baris_id(ws, "DAA-DINKES-02"), {"Infrastruktur": None})  # SPBE-APL-002, a warning
    wb.save(form)
    impor(root, [form], now=NOW, today=TODAY)
    return root


def test_status_counts_receipts_elements_required_and_problems(diimpor: Path) -> None:
    status = hitung_status(diimpor, today=TODAY)
    assert (status.tenggat and status.tenggat.isoformat(), status.sisa_hari) == ("2026-12-18", 18)
    rows = {b.opd: b for b in status.baris}
    assert len(rows) == 31 and status.kembali == 1
    dinkes = rows["DINKES"]
    assert dinkes.kembali == NOW
    assert dinkes.jumlah["layanan"] == 6 and dinkes.jumlah["proses_bisnis"] == 6
    assert dinkes.kosong == 1  # infrastruktur, asked for by SPBE-APL-002
    assert dinkes.masalah >= 1
    assert rows["BAPENDA"].kembali is None and rows["BAPENDA"].masalah == 0
    assert WAJIB_ATURAN["layanan"] == ("tujuan", "target_layanan", "metode_layanan")


def test_status_text_and_markdown(diimpor: Path) -> None:
    status = hitung_status(diimpor, today=TODAY)
    text = format_teks(status)
    assert text.startswith(
        "Pemerintah Kabupaten Contoh: 1 dari 31 OPD sudah mengembalikan formulir; "
        "tenggat 2026-12-18 (sisa 18 hari).\n\nOPD "
    )
    assert any(line.startswith("DINKES ") and "2026-11-30" in line for line in text.splitlines())
    assert any(line.startswith("BAPENDA ") and " belum " in line for line in text.splitlines())
    md = format_markdown(status, "en")
    assert "| OPD | Name | Returned | PB | Data | Lay | Apl | Infra | Kam |" in md
    assert "| DINKES | Dinkes | 2026-11-30 | 6 | 6 | 6 |" in md


def test_status_xlsx(diimpor: Path, tmp_path: Path) -> None:
    out = tmp_path / "status.xlsx"
    tulis_xlsx(hitung_status(diimpor, today=TODAY), out)
    ws = load_workbook(out)["Status"]
    assert ws["A2"].value == "OPD" and ws["J2"].value == "Belum diisi"
    dinkes = next(r for r in ws.iter_rows(min_row=3, values_only=True) if r[0] == "DINKES")
    assert dinkes[3] == 6 and isinstance(dinkes[9], int)


def test_cli_status_formats(
    diimpor: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["survey", "status", str(diimpor), "--format", "markdown"]) == 0
    assert "| DINKES |" in capsys.readouterr().out
    assert main(["survey", "status", str(diimpor), "--format", "xlsx"]) == 2
    assert "--out" in capsys.readouterr().err
    out = tmp_path / "s.xlsx"
    assert main(["survey", "status", str(diimpor), "--format", "xlsx", "--out", str(out)]) == 0
    assert out.is_file()


def test_cli_generate_and_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = salin_contoh(tmp_path / "model")
    out = tmp_path / "out"
    assert main(["survey", "generate", str(root), "--out", str(out), "--opd", "DLH",
                 "--tenggat", "2027-01-15"]) == 0  # fmt: skip
    form = out / "survei-spbe-DLH.xlsx"
    assert capsys.readouterr().out == f"{form}\n"
    assert main(["survey", "import", str(root), str(form), "--dry-run"]) == 0
    printed = capsys.readouterr().out
    assert "+++ b/.spbe/survei/penerimaan.yaml" in printed
    assert printed.endswith(
        "0 baru, 0 diperbarui, 0 dihapus; akan diubah: .spbe/survei/penerimaan.yaml\n"
    )
    bad = tmp_path / "bad.xlsx"
    shutil.copy(form, bad)
    wb = buka(bad)
    wb["Layanan"].title = "Pelayanan"
    wb.save(bad)
    assert main(["survey", "import", str(root), str(bad), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("refused: bad.xlsx: sheet 'Layanan' is missing")
    assert main(["survey", "generate", str(root), "--out", str(out), "--opd", "X"]) == 2


@pytest.mark.parametrize("lang", ["id", "en"])
def test_status_says_when_spbe_yaml_cannot_be_loaded(tmp_path: Path, lang: str) -> None:
    """A broken spbe.yaml leaves the Pemda's name and the deadline unknown: the summary says
    so, and where to look, instead of printing an empty name."""
    (tmp_path / "spbe.yaml").write_text("spbe_arch: 2\n")
    status = hitung_status(tmp_path, today=TODAY)
    assert status.pemda == "" and status.galat_konfigurasi == 4  # pemda, periode, katalog, 2 > 1
    first = format_teks(status, lang).splitlines()[0]
    if lang == "id":
        assert first.startswith("(spbe.yaml belum termuat): 0 dari 0 OPD")
        assert "spbe.yaml tidak dapat dimuat (4 galat)" in first and "spbe-arch check" in first
    else:
        assert first.startswith("(spbe.yaml not loaded): 0 of 0 OPDs")
        assert "spbe.yaml cannot be loaded (4 error(s))" in first and "spbe-arch check" in first


def test_status_of_a_valid_configuration_names_the_pemda(diimpor: Path) -> None:
    status = hitung_status(diimpor, today=TODAY)
    assert status.galat_konfigurasi == 0
    assert format_teks(status).startswith("Pemerintah Kabupaten Contoh: 1 dari 31 OPD")
