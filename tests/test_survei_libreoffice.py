"""Survey forms through a spreadsheet program we did not write: LibreOffice Calc, headless.

An OPD opens the generated form, edits it and saves it as .xlsx; the Diskominfo imports it. Here
LibreOffice does the saving: a plain re-save (``--convert-to xlsx``) must import as a no-op with
the signature verified; edits typed through UNO (tests/libreoffice_uno.py, run with Debian's
python3 and its ``uno`` module) must import as exactly those edits; and the forms and the
``survey status`` workbook must convert to csv and pdf with their text. ``make test`` installs
Debian's libreoffice-calc-nogui and python3-uno (Makefile, ``libreoffice``); without them these
tests fail, they do not skip (docs/security.md, "Proven with LibreOffice").
"""

from __future__ import annotations

import difflib
import json
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from spbe_arch.cli import main
from spbe_arch.load import load
from spbe_arch.survei.baca import baca_formulir
from spbe_arch.survei.impor import HasilImpor, impor
from spbe_arch.survei.penerimaan import BERKAS_PENERIMAAN
from spbe_arch.survei.xlsx import BukuKerja
from survei_kit import NOW, TODAY, baris_id, baris_kosong, buat, kolom, salin_contoh, snapshot

UNO_PYTHON = Path("/usr/bin/python3")
UNO_SCRIPT = Path(__file__).resolve().parent / "libreoffice_uno.py"
XLSX_FILTER = "xlsx:Calc MS Excel 2007 XML"
# every sheet to its own UTF-8 csv file (token 12 = -1: LibreOffice 7.2 and later)
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


class LibreOffice:
    """A headless LibreOffice with a fresh profile for this test session."""

    def __init__(self, soffice: str, profile: Path) -> None:
        self.soffice = soffice
        self.profile = profile.as_uri()

    def convert(self, files: list[Path], target: str, outdir: Path) -> list[Path]:
        """Convert ``files`` with one soffice run; the converted files, in order."""
        outdir.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            [self.soffice, f"-env:UserInstallation={self.profile}", "--headless", "--norestore",
             "--convert-to", target, "--outdir", str(outdir), *map(str, files)],
            capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert "Error" not in done.stderr, done.stderr
        ext = target.split(":")[0]
        return [outdir / f"{f.stem}.{ext}" for f in files]

    def edit(self, documents: list[dict[str, Any]], work: Path) -> list[dict[str, Any]]:
        """Apply UNO edits (see tests/libreoffice_uno.py) and save each document as .xlsx."""
        job = work / "uno-job.json"
        job.write_text(
            json.dumps({"soffice": self.soffice, "profile": self.profile, "documents": documents}),
            encoding="utf-8",
        )
        done = subprocess.run(
            [str(UNO_PYTHON), str(UNO_SCRIPT), str(job)],
            capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        result: list[dict[str, Any]] = json.loads(done.stdout)
        return result


def _missing() -> list[str]:
    absent = []
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        absent.append("libreoffice-calc-nogui")
    uno = subprocess.run(
        [str(UNO_PYTHON), "-c", "import uno"], capture_output=True, check=False
    ) if UNO_PYTHON.exists() else None  # fmt: skip
    if uno is None or uno.returncode != 0:
        absent.append("python3-uno")
    if not shutil.which("pdftotext"):
        absent.append("poppler-utils")
    return absent


@pytest.fixture(scope="session")
def libreoffice(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LibreOffice]:
    absent = _missing()
    if absent:
        pytest.fail(
            f"{', '.join(absent)} missing: run `make test` (it installs Debian's "
            "libreoffice-calc-nogui and python3-uno), or apt-get install " + " ".join(absent)
        )
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice is not None
    yield LibreOffice(soffice, tmp_path_factory.mktemp("lo-profile"))


@pytest.fixture(scope="module")
def asli(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The example model and its generated, signed DINKES form."""
    base = tmp_path_factory.mktemp("lo-asli")
    root = salin_contoh(base / "model")
    (form,) = buat(root, base / "out", "DINKES")
    return root, form


@pytest.fixture
def model(asli: tuple[Path, Path], tmp_path: Path) -> Path:
    root = tmp_path / "model"
    shutil.copytree(asli[0], root)
    return root


def _impor(root: Path, form: Path) -> HasilImpor:
    return impor(root, [form], now=NOW, today=TODAY)


def _cells(path: Path) -> dict[tuple[str, int, int], Any]:
    """Every non-empty cell of every sheet, as our reader reads it."""
    book = BukuKerja(path.name, path.read_bytes())
    out: dict[tuple[str, int, int], Any] = {}
    for name in book.lembar:
        sheet = book.baca_lembar(name, 2000, 80)
        for row, cells in sheet.baris.items():
            for col, cell in cells.items():
                if cell.nilai not in (None, ""):
                    out[name, row, col] = cell.nilai
    return out


def _validations(ws: Any) -> set[tuple[str, str, str, bool]]:
    """A sheet's validations (range, list, type, strict); LibreOffice drops the quotes of
    ``'_daftar'!`` (same meaning)."""
    return {
        (str(d.sqref), str(d.formula1).replace("'_daftar'!", "_daftar!"), str(d.type),
         bool(d.showErrorMessage))
        for d in ws.data_validations.dataValidation
    }  # fmt: skip


def _hidden_columns(ws: Any) -> set[int]:
    """The hidden column numbers (LibreOffice writes A:C as one span)."""
    return {
        n
        for d in ws.column_dimensions.values()
        if d.hidden
        for n in range(d.min or 0, (d.max or d.min or 0) + 1)
    }


def _written_by_libreoffice(path: Path) -> bool:
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        return "docProps/app.xml" in names and b"LibreOffice" in zf.read("docProps/app.xml")


def test_resaved_form_imports_as_a_no_op(
    libreoffice: LibreOffice, asli: tuple[Path, Path], model: Path, tmp_path: Path
) -> None:
    """Open and save in LibreOffice (as an OPD would, without editing): the signature verifies,
    every cell reads back the same, and the import changes nothing but the receipt."""
    (saved,) = libreoffice.convert([asli[1]], XLSX_FILTER, tmp_path / "lo")
    assert _written_by_libreoffice(saved) and not _written_by_libreoffice(asli[1])
    assert saved.read_bytes() != asli[1].read_bytes()

    ours, theirs = _cells(asli[1]), _cells(saved)
    assert ours == theirs
    assert len(ours) > 2400  # every sheet: the rows, the hidden _meta and _daftar lists

    # what the next OPD edit depends on survives the round trip
    before, after = load_workbook(asli[1]), load_workbook(saved)
    assert before.sheetnames == after.sheetnames
    compared = hidden = 0
    for ws in before.worksheets:
        other = after[ws.title]
        assert other.sheet_state == ws.sheet_state, ws.title
        assert bool(other.protection.sheet) == bool(ws.protection.sheet), ws.title
        mine, kept = _validations(ws), _validations(other)
        assert kept == mine, ws.title
        assert _hidden_columns(other) == _hidden_columns(ws), ws.title
        compared += len(mine)
        hidden += len(_hidden_columns(ws))
    assert compared >= 60  # list validations compared
    assert hidden >= 3 * 14  # ID Asal, Nilai Asal, Tanda Asal on every element sheet

    form = baca_formulir(saved, load(model).model, _key(model))
    assert form.tertanda and form.opd == "DINKES"
    files = snapshot(model)
    result = _impor(model, saved)
    assert not result.ditolak and not result.gagal
    assert [t for t in result.temuan if t.tingkat != "info"] == []
    assert (result.baru, result.diubah, result.dihapus) == (0, 0, 0)
    changed = {k for k, v in snapshot(model).items() if files.get(k) != v}
    assert changed == {BERKAS_PENERIMAAN.as_posix()}


def _key(root: Path) -> bytes:
    from spbe_arch.survei import tanda

    key = tanda.muat_kunci(None, root)[0]
    assert key is not None
    return key


def _yaml_diff(before: dict[str, bytes], root: Path) -> dict[str, list[str]]:
    """The changed lines (+/-) of every changed model file."""
    after = snapshot(root)
    out: dict[str, list[str]] = {}
    for name, data in sorted(after.items()):
        if name.startswith(".spbe/") or before.get(name) == data:
            continue
        old = before.get(name, b"").decode().splitlines()
        lines = difflib.unified_diff(old, data.decode().splitlines(), lineterm="", n=0)
        out[name] = [ln for ln in lines if ln[:1] in "+-" and ln[:3] not in ("+++", "---")]
    return out


def _at(ws: Any, row: int, header: str, kind: str, **kw: Any) -> dict[str, Any]:
    """A UNO op (tests/libreoffice_uno.py) on the cell of ``header`` in ``row``."""
    return {"sheet": ws.title, "row": row, "col": kolom(ws, header), "kind": kind, **kw}


def _edit_and_import(
    libreoffice: LibreOffice, form: Path, model: Path, tmp_path: Path, ops: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], HasilImpor, dict[str, list[str]]]:
    """Edit a copy of ``form`` in LibreOffice, import it: the ops done, the result, the diff."""
    src = tmp_path / "in" / form.name
    src.parent.mkdir()
    shutil.copy(form, src)
    out = tmp_path / "lo" / form.name
    out.parent.mkdir()
    (done,) = libreoffice.edit([{"in": str(src), "out": str(out), "ops": ops}], tmp_path)
    assert _written_by_libreoffice(out) and len(done["ops"]) == len(ops)
    before = snapshot(model)
    result = _impor(model, out)
    return done["ops"], result, _yaml_diff(before, model)


def test_edits_typed_in_libreoffice_import_exactly(
    libreoffice: LibreOffice, asli: tuple[Path, Path], model: Path, tmp_path: Path
) -> None:
    """A name changed, values picked from validation lists (inline, and a range on the hidden
    list sheet), a number typed into a text column, a new row, formulas, a date: typed in
    LibreOffice, saved as .xlsx, imported as exactly those changes."""
    wb = load_workbook(asli[1])
    lay, edu = wb["Layanan"], wb["Edukasi Kesadaran"]
    one, two = baris_id(lay, "DAL-DINKES-01"), baris_id(lay, "DAL-DINKES-02")
    new, erow = baris_kosong(lay), baris_kosong(edu)
    ops = [
        _at(lay, one, "Nama Layanan", "type", value="Layanan Rawat Jalan, Rawat Inap dan IGD"),
        _at(lay, one, "Metode Layanan", "pick", **{"not": "Hybrid"}),
        _at(lay, two, "Kode Lokal", "type", value="1234"),  # a number into a text column
        _at(lay, two, "Standar Pelayanan: Waktu", "type", value="=1+1"),  # a Text cell
        _at(lay, new, "Nama Layanan", "type", value="Layanan Ambulans Gawat Darurat"),
        _at(lay, new, "Tujuan", "type", value="Pertolongan pertama dalam 30 menit"),
        _at(lay, new, "Referensi RAL", "pick", contains="RAL.01.25.04"),
        _at(lay, new, "Urusan Pemerintahan", "pick", contains="RAB.04.01 "),
        _at(lay, new, "Target Layanan", "pick", contains="Masyarakat"),
        _at(lay, new, "Metode Layanan", "pick", contains="Tatap"),
        _at(lay, new, "Proses Bisnis", "pick", contains="DAB-DINKES-01"),
        _at(lay, new, "Tahun Mulai", "type", value="=2020+6"),  # a formula: its cached value
        _at(edu, erow, "Nama", "type", value="Pelatihan Kesadaran Keamanan Informasi"),
        _at(edu, erow, "Tanggal Kegiatan", "type", value="2026-12-01"),  # a date
        _at(edu, erow, "Cakupan Domain", "pick", contains="Data"),
    ]
    done, result, diff = _edit_and_import(libreoffice, asli[1], model, tmp_path, ops)
    texts = [op["text"] for op in done]
    assert texts[1:4] == ["Elektronik", "1234", "=1+1"] and texts[11] == "2026"
    assert done[1]["entries"] == ["Elektronik", "Hybrid", "Tatap muka"]
    assert len(done[6]["entries"]) > 300  # the RAL list on the hidden _daftar sheet
    assert texts[6].startswith("RAL.01.25.04 - ")

    assert not result.ditolak and not result.gagal, [t.pesan for t in result.temuan]
    assert (result.baru, result.diubah, result.dihapus) == (2, 2, 0)
    assert diff == {
        "dinkes/keamanan.yaml": [
            "+",
            "+  - id: DAK-DINKES-02",
            "+    jenis: edukasi_kesadaran",
            "+    nama: Pelatihan Kesadaran Keamanan Informasi",
            "+    cakupan_domain: [data]",
            "+    tanggal_kegiatan: 2026-12-01",
        ],
        "dinkes/layanan.yaml": [
            "-    nama: Layanan Rawat Jalan dan Rawat Inap RSUD",
            "+    nama: Layanan Rawat Jalan, Rawat Inap dan IGD",
            "-    metode_layanan: hybrid",
            "+    metode_layanan: elektronik",
            "+    standar_pelayanan:",
            "+      waktu: =1+1",
            "+    kode_lokal: '1234'",
            "+",
            "+  - id: DAL-DINKES-07",
            "+    nama: Layanan Ambulans Gawat Darurat",
            "+    referensi: RAL.01.25.04",
            "+    tujuan: Pertolongan pertama dalam 30 menit",
            "+    urusan: RAB.04.01",
            "+    target_layanan: [masyarakat]",
            "+    metode_layanan: tatap_muka",
            "+    proses_bisnis: [DAB-DINKES-01]",
            "+    tahun_mulai: 2026",
        ],
    }
    assert load(model).model.elemen["DAL-DINKES-02"].kode_lokal == "1234"  # type: ignore[attr-defined]
    again = _impor(model, tmp_path / "lo" / asli[1].name)  # the same bytes again: nothing
    assert (again.baru, again.diubah) == (0, 0)


def test_what_opd_staff_type_in_a_text_column_stays_as_typed(
    libreoffice: LibreOffice, asli: tuple[Path, Path], model: Path, tmp_path: Path
) -> None:
    """Text columns are formatted as Text (``@``): Calc's recognition would otherwise make
    ``0123`` the number 123, ``12/1`` a date, ``50%`` 0.5, ``08:00`` a fraction of a day and
    ``TRUE`` a boolean. Number and date columns still recognise what is typed."""
    lay = load_workbook(asli[1])["Layanan"]
    rows = [baris_id(lay, f"DAL-DINKES-0{n}") for n in range(1, 7)]
    typed = ["0123", "12/1", "50%", "08:00", "TRUE", "1-2 hari"]
    ops = [_at(lay, rows[0], "Kode Lokal", "type", value=typed[0])]
    ops += [_at(lay, r, "Standar Pelayanan: Waktu", "type", value=v)
            for r, v in zip(rows[1:], typed[1:], strict=True)]  # fmt: skip
    ops.append(_at(lay, rows[0], "Tahun Mulai", "type", value="2024"))
    done, result, diff = _edit_and_import(libreoffice, asli[1], model, tmp_path, ops)
    assert [op["text"] for op in done] == [*typed, "2024"]
    assert not result.gagal and result.diubah == 6
    waktu = ("12/1", "50%", "08:00", "'TRUE'", "1-2 hari")  # as YAML writes them
    assert diff["dinkes/layanan.yaml"] == [
        "+    tahun_mulai: 2024",
        "+    kode_lokal: '0123'",
        *(ln for v in waktu for ln in ("+    standar_pelayanan:", f"+      waktu: {v}")),
    ]


def test_line_breaks_and_excel_escapes_typed_in_libreoffice_survive(
    libreoffice: LibreOffice, asli: tuple[Path, Path], model: Path, tmp_path: Path
) -> None:
    """A line break inside a cell (Ctrl+Enter) and a literal ``_x000D_`` (Excel's escape
    syntax, which LibreOffice must escape again on saving) import as typed."""
    lay = load_workbook(asli[1])["Layanan"]
    row = baris_id(lay, "DAL-DINKES-03")
    ops = [
        _at(lay, row, "Uraian", "type", value="Imunisasi dasar\nSurveilans penyakit"),
        _at(lay, row, "Keterangan", "type", value="kode _x000D_ dan _x0041_ tetap"),
    ]
    done, result, diff = _edit_and_import(libreoffice, asli[1], model, tmp_path, ops)
    assert [op["text"] for op in done] == [op["value"] for op in ops]
    assert not result.gagal and result.diubah == 1
    element = load(model).model.elemen["DAL-DINKES-03"]
    assert element.uraian == "Imunisasi dasar\nSurveilans penyakit"
    assert element.keterangan == "kode _x000D_ dan _x0041_ tetap"
    assert len(diff["dinkes/layanan.yaml"]) == 5  # uraian (- and a block of 3) and keterangan


def test_formula_error_saved_by_libreoffice_is_refused_at_its_cell(
    libreoffice: LibreOffice, asli: tuple[Path, Path], model: Path, tmp_path: Path
) -> None:
    """``=1/0`` typed into a number column is saved with its cached error value: the workbook
    is refused naming the sheet and cell, and nothing is written."""
    lay = load_workbook(asli[1])["Layanan"]
    row, col = baris_id(lay, "DAL-DINKES-01"), kolom(lay, "Tahun Selesai")
    op = _at(lay, row, "Tahun Selesai", "type", value="=1/0")
    done, result, diff = _edit_and_import(libreoffice, asli[1], model, tmp_path, [op])
    assert done[0]["text"] == "#DIV/0!"
    (refused,) = result.ditolak
    ref = lay.cell(row=row, column=col).coordinate
    assert "Layanan" in refused.pesan and ref in refused.pesan and "#DIV/0!" in refused.pesan
    assert diff == {} and (result.baru, result.diubah) == (0, 0)


@pytest.mark.parametrize(
    ("target", "pesan"),
    [("ods", "berkas OpenDocument (.ods)"), ("xls:MS Excel 97", "berkas Excel 97-2003 (.xls)")],
)
def test_form_kept_in_another_format_is_refused_saying_what_to_do(
    libreoffice: LibreOffice,
    asli: tuple[Path, Path],
    model: Path,
    tmp_path: Path,
    target: str,
    pesan: str,
) -> None:
    """An OPD that keeps LibreOffice's own format (.ods) or picks Excel 97-2003 (.xls), then
    renames the file to .xlsx: refused, naming the format and how to save it."""
    (saved,) = libreoffice.convert([asli[1]], target, tmp_path / "lo")
    renamed = saved.rename(saved.with_name(asli[1].name))
    before = snapshot(model)
    result = _impor(model, renamed)
    (refused,) = result.ditolak
    assert pesan in refused.pesan and "Save As" in refused.pesan_en
    assert snapshot(model) == before


def _pdf_text(pdf: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


def _in_csv(book: Path, csv_dir: Path) -> int:
    """Assert every text and whole number of every sheet of ``book`` is in the sheet's csv
    (``NAME-SHEET.csv``); how many were compared."""
    compared = 0
    for ws in load_workbook(book).worksheets:
        text = (csv_dir / f"{book.stem}-{ws.title}.csv").read_text(encoding="utf-8")
        for row in ws.iter_rows(values_only=True):
            for value in row:
                if isinstance(value, str) and value:
                    assert value.replace('"', '""') in text, (ws.title, value)
                elif isinstance(value, int) and not isinstance(value, bool):
                    assert str(value) in text, (ws.title, value)
                else:
                    continue
                compared += 1
    return compared


def test_forms_and_status_convert_to_csv_and_pdf(
    libreoffice: LibreOffice, asli: tuple[Path, Path], tmp_path: Path
) -> None:
    """The generated form and the ``survey status`` workbook open in LibreOffice: every sheet
    converts to csv with its headers and values, and the visible sheets print to pdf."""
    root, form = asli
    status_xlsx = tmp_path / "status-survei.xlsx"
    args = ["survey", "status", str(root), "--format", "xlsx", "--out", str(status_xlsx)]
    assert main(args) == 0
    csv_dir = tmp_path / "csv"
    libreoffice.convert([form, status_xlsx], CSV_FILTER, csv_dir)

    assert _in_csv(form, csv_dir) > 2400  # every text of every sheet, hidden ones too
    assert _in_csv(status_xlsx, csv_dir) > 300  # 31 OPD rows of counts and names

    pdfs = libreoffice.convert([form, status_xlsx], "pdf", tmp_path / "pdf")
    form_pdf, status_pdf = (_pdf_text(p) for p in pdfs)
    assert "Formulir Survei Arsitektur SPBE" in form_pdf
    assert "Layanan Rawat Jalan dan Rawat Inap RSUD" in form_pdf
    for hidden in ("versi_formulir", "tanda_tangan", "kode:RAB", "Nilai Asal"):
        assert hidden not in form_pdf  # hidden sheets and columns are not printed
    assert "DINKES" in status_pdf and "BAPENDA" in status_pdf


def test_uno_driver_refuses_locked_cells(
    libreoffice: LibreOffice, asli: tuple[Path, Path], tmp_path: Path
) -> None:
    """The driver types only where OPD staff can: the hidden signature column is locked."""
    op = {"sheet": "Layanan", "row": 2, "col": 3, "kind": "type", "value": "x"}
    job = tmp_path / "job.json"
    job.write_text(json.dumps({"soffice": libreoffice.soffice, "profile": libreoffice.profile,
                               "documents": [{"in": str(asli[1]), "out": str(tmp_path / "o.xlsx"),
                                              "ops": [op]}]}))  # fmt: skip
    done = subprocess.run(
        [str(UNO_PYTHON), str(UNO_SCRIPT), str(job)], capture_output=True, text=True, check=False
    )
    assert done.returncode != 0 and "is locked" in done.stderr
    assert not (tmp_path / "o.xlsx").exists()
