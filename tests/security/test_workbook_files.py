"""Workbooks that are not this tool's .xlsx form, or that try to exhaust memory or time.

Each case ends in a refusal that names the file and says what to do; the rest of the batch is
still imported; nothing in the repository changes; nothing is ever a traceback or a hang.
Resource cases also run in a subprocess under an address-space cap (RLIMIT_AS).
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from spbe_arch.cli import main
from spbe_arch.survei.impor import HasilImpor, impor
from spbe_arch.survei.xlsx import OLE
from survei_kit import NOW, TODAY, baris_id, buka, isi, snapshot
from workbook_kit import (
    anggota,
    bom_zip,
    ganti_ukuran,
    jalankan_terbatas,
    lembar_member,
    salin,
    siapkan,
    tulis_zip,
    ubah_lembar,
)


@pytest.fixture(scope="module")
def asli(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return siapkan(tmp_path_factory.mktemp("berkas"))


@pytest.fixture
def kerja(asli: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    return salin(*asli, tmp_path)


def _impor(root: Path, *files: Path) -> HasilImpor:
    return impor(root, list(files), now=NOW, today=TODAY)


def _ods(form: Path, bad: Path) -> None:
    tulis_zip(bad, {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
                    "content.xml": b"<office:document-content/>"})  # fmt: skip


def _xls(form: Path, bad: Path) -> None:
    bad.write_bytes(OLE + b"\0" * 4096)


def _password(form: Path, bad: Path) -> None:
    bad.write_bytes(OLE + b"\0" * 512 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 512)


def _xlsm(form: Path, bad: Path) -> None:
    members = anggota(form)
    members["xl/vbaProject.bin"] = b"\0" * 64
    tulis_zip(bad, members)


def _xlsm_type(form: Path, bad: Path) -> None:
    members = anggota(form)
    ct = members["[Content_Types].xml"].decode()
    members["[Content_Types].xml"] = ct.replace(
        "spreadsheetml.sheet.main+xml", "ms-excel.sheet.macroEnabled.main+xml"
    ).encode()
    tulis_zip(bad, members)


def _csv(form: Path, bad: Path) -> None:
    bad.write_text("ID,Nama\nDAL-DINKES-01,=cmd|' /C calc'!A0\n", encoding="utf-8")


def _random(form: Path, bad: Path) -> None:
    bad.write_bytes(os.urandom(70_000))


def _truncated(form: Path, bad: Path) -> None:
    bad.write_bytes(form.read_bytes()[: len(form.read_bytes()) // 2])


def _malformed(form: Path, bad: Path) -> None:
    members = anggota(form)
    member = lembar_member(form, "Layanan")
    members[member] = members[member].replace(b"</sheetData>", b"<row><c></sheetData>")
    tulis_zip(bad, members)


def _corrupt_member(form: Path, bad: Path) -> None:
    data = bytearray(form.read_bytes())
    start = data.find(b"xl/worksheets/sheet4.xml") + len("xl/worksheets/sheet4.xml")
    for i in range(start + 40, start + 240):
        data[i] ^= 0x5A
    bad.write_bytes(bytes(data))


def _lying_size(form: Path, bad: Path) -> None:
    shutil.copy(form, bad)
    ganti_ukuran(bad, "xl/sharedStrings.xml", 100)


def _duplicate_member(form: Path, bad: Path) -> None:
    members = anggota(form)
    tulis_zip(bad, members, extra=(("xl/sharedStrings.xml", members["xl/sharedStrings.xml"]),))


def _billion_laughs(form: Path, bad: Path) -> None:
    members = anggota(form)
    lol = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
            for i in range(1, 10)
        )
        + b"]>"
    )
    sst = members["xl/sharedStrings.xml"].split(b"?>", 1)[1]
    members["xl/sharedStrings.xml"] = lol + sst.replace(b"<t", b"<t>&lol9;</t><t", 1)
    tulis_zip(bad, members)


def _xxe(form: Path, bad: Path) -> None:
    members = anggota(form)
    doc = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    body = members["xl/workbook.xml"].split(b"?>", 1)[1]
    members["xl/workbook.xml"] = doc + body.replace(b"<workbookPr/>", b"<workbookPr/>&xxe;")
    tulis_zip(bad, members)


def _undefined_entity(form: Path, bad: Path) -> None:
    members = anggota(form)
    member = lembar_member(form, "Layanan")
    members[member] = members[member].replace(b"</sheetData>", b"&bogus;</sheetData>")
    tulis_zip(bad, members)


CASES: list[tuple[str, Callable[[Path, Path], None], str, str]] = [
    ("laporan.ods", _ods, "OpenDocument (.ods)", "Simpan Sebagai"),
    ("laporan.xls", _xls, "Excel 97-2003 (.xls)", "Simpan Sebagai"),
    ("survei-spbe-DINKES-sandi.xlsx", _password, "dilindungi kata sandi", "hapus kata sandinya"),
    ("survei-spbe-DINKES.xlsm", _xlsm, "berisi makro (.xlsm)", "tanpa makro"),
    ("survei-spbe-DINKES-m.xlsx", _xlsm_type, "berjenis makro", "tanpa makro"),
    ("survei-spbe-DINKES.csv", _csv, "CSV", ".xlsx aslinya"),
    ("acak.xlsx", _random, "bukan buku kerja .xlsx", "survey generate"),
    ("potong.xlsx", _truncated, "arsip zip rusak", "simpan ulang"),
    ("xml.xlsx", _malformed, "XML rusak pada bagian xl/worksheets/", "simpan ulang"),
    ("rusak.xlsx", _corrupt_member, "rusak", "simpan ulang"),
    ("bohong.xlsx", _lying_size, "xl/sharedStrings.xml rusak", "simpan ulang"),
    ("ganda.xlsx", _duplicate_member, "dua kali", "menyimpan ulang"),
    ("tawa.xlsx", _billion_laughs, "DOCTYPE", "ditolak"),
    ("xxe.xlsx", _xxe, "DOCTYPE", "ditolak"),
    ("entitas.xlsx", _undefined_entity, "XML rusak", "undefined entity"),
]


@pytest.mark.filterwarnings("ignore:Duplicate name")
@pytest.mark.parametrize(("name", "make", "what", "todo"), CASES, ids=[c[0] for c in CASES])
def test_not_a_form_is_refused_and_the_batch_goes_on(
    kerja: tuple[Path, Path], name: str, make: Callable[[Path, Path], None], what: str, todo: str
) -> None:
    root, form = kerja
    bad = form.parent / name
    make(form, bad)
    wb = buka(form)
    ws = wb["Layanan"]
    isi(ws, baris_id(ws, "DAL-DINKES-01"), {"Fungsi": "Rujukan terpadu"})
    wb.save(form)
    before = snapshot(root)
    result = _impor(root, bad, form)
    (refused,) = result.ditolak
    text = refused.text()
    assert text.startswith(f"{name}: ") and what in text and todo in text, text
    assert refused.text("en") != text
    assert "/etc/passwd" not in text and "root:" not in text
    # the good form of the same batch is imported
    assert result.diubah == 1
    assert snapshot(root) != before


@pytest.mark.parametrize("kind", ["fifo", "device", "urandom", "folder", "missing"])
def test_special_paths_are_refused_without_blocking(kerja: tuple[Path, Path], kind: str) -> None:
    root, form = kerja
    path = form.parent / f"{kind}.xlsx"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path.symlink_to("/dev/zero")
    elif kind == "urandom":
        path.symlink_to("/dev/urandom")
    elif kind == "folder":
        path.mkdir()
    before = snapshot(root)
    started = time.monotonic()
    result = _impor(root, path, form)
    assert time.monotonic() - started < 60
    (refused,) = result.ditolak
    assert refused.berkas == path.name
    assert ("bukan berkas biasa" in refused.text()) or ("tidak dapat dibuka" in refused.text())
    after = snapshot(root)
    # the good form of the batch changed nothing: only its receipt is new
    assert {k: v for k, v in after.items() if k in before} == before
    assert set(after) - set(before) == {".spbe/survei/penerimaan.yaml"}


def test_cli_refusal_is_a_message_not_a_traceback(
    kerja: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root, form = kerja
    bad = form.parent / "laporan.ods"
    _ods(form, bad)
    fifo = form.parent / "pipa.xlsx"
    os.mkfifo(fifo)
    assert main(["survey", "import", str(root), str(bad), str(fifo), str(form)]) == 1
    out = capsys.readouterr()
    assert "Traceback" not in out.err + out.out
    assert "ditolak: laporan.ods: berkas OpenDocument (.ods)" in out.err
    assert "ditolak: pipa.xlsx: bukan berkas biasa" in out.err
    assert "DINKES ← survei-spbe-DINKES.xlsx" in out.out


# -- resource bounds: each refused (or read) quickly, in a process capped at 1 GiB --------------


def _batas(root: Path, form: Path) -> tuple[int, str, str]:
    code = f"""
    import time
    from pathlib import Path
    from spbe_arch.load import load
    from spbe_arch.survei.baca import FormulirDitolak, baca_formulir
    from spbe_arch.survei.tanda import muat_kunci
    model = load(Path({str(root)!r})).model
    key = muat_kunci(None, Path({str(root)!r}))[0]
    started = time.monotonic()
    try:
        form = baca_formulir(Path({str(form)!r}), model, key)
        print("DIBACA", sum(1 for _ in form.baris), [t.kode for t in form.temuan])
    except FormulirDitolak as exc:
        print("DITOLAK", exc.text())
    print("DETIK", round(time.monotonic() - started, 2))
    """
    return jalankan_terbatas(code, limit_mb=1024)


def test_value_at_the_last_row_is_refused_without_allocating(kerja: tuple[Path, Path]) -> None:
    root, form = kerja
    last = '<row r="1048576"><c r="E1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    bad = ubah_lembar(form, form.parent / "baris.xlsx", "Layanan", last)
    assert bad.stat().st_size < 200_000
    code, out, err = _batas(root, bad)
    assert code == 0, err
    assert "DITOLAK" in out and "sel E1048576" in out and "baris 1,048,576" in out, out
    assert float(out.split("DETIK")[1]) < 10


def test_a_hundred_thousand_rows_are_refused_at_the_form_bound(kerja: tuple[Path, Path]) -> None:
    root, form = kerja
    rows = "".join(f'<row r="{r}"><c r="E{r}"><v>{r}</v></c></row>' for r in range(20, 100_001))
    bad = ubah_lembar(form, form.parent / "sejuta.xlsx", "Layanan", rows)
    code, out, err = _batas(root, bad)
    assert code == 0, err
    assert "DITOLAK" in out and "paling banyak 10,000 baris" in out, out


def test_sixteen_thousand_columns_are_ignored_not_kept(kerja: tuple[Path, Path]) -> None:
    from openpyxl.utils import get_column_letter

    root, form = kerja
    cells = "".join(
        f'<c r="{get_column_letter(c)}30" t="inlineStr"><is><t>k{c}</t></is></c>'
        for c in range(60, 16_385)
    )
    bad = ubah_lembar(form, form.parent / "kolom.xlsx", "Layanan", f'<row r="30">{cells}</row>')
    code, out, err = _batas(root, bad)
    assert code == 0, err
    assert "DIBACA" in out and "SURVEI-K03" in out, out


def test_zip_bomb_is_refused_before_decompressing(kerja: tuple[Path, Path]) -> None:
    root, form = kerja
    bad = bom_zip(form.parent / "bom.xlsx", lembar_member(form, "Layanan"), 200 << 20, form)
    assert bad.stat().st_size < 2_000_000
    code, out, err = _batas(root, bad)
    assert code == 0, err
    assert "DITOLAK" in out and "bom zip" in out, out
    assert float(out.split("DETIK")[1]) < 2


def test_huge_cell_is_refused_while_reading(kerja: tuple[Path, Path]) -> None:
    root, form = kerja
    text = "A" * 3_000_000
    row = f'<row r="40"><c r="F40" t="inlineStr"><is><t>{text}</t></is></c></row>'
    bad = ubah_lembar(form, form.parent / "sel.xlsx", "Layanan", row)
    code, out, err = _batas(root, bad)
    assert code == 0, err
    assert "DITOLAK" in out and "sel F40" in out and "32,767" in out, out


def test_oversized_file_is_refused_unread(kerja: tuple[Path, Path]) -> None:
    root, form = kerja
    big = form.parent / "besar.xlsx"
    with open(big, "wb") as handle:
        handle.write(form.read_bytes())
        handle.truncate(40 << 20)
    result = _impor(root, big)
    (refused,) = result.ditolak
    assert "batas" in refused.text() and "bita" in refused.text()
