"""Helpers for the workbook attacks: a genuine signed form, and ways to tamper with its bytes."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import textwrap
import zipfile
import zlib
from pathlib import Path

from spbe_arch.survei import meta


def anggota(path: Path) -> dict[str, bytes]:
    """Every member of a workbook's zip (name → bytes)."""
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def tulis_zip(
    path: Path, members: dict[str, bytes], extra: tuple[tuple[str, bytes], ...] = ()
) -> Path:
    """Write ``members`` (and ``extra`` entries, duplicates allowed) as a zip at ``path``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        for name, data in extra:
            zf.writestr(zipfile.ZipInfo(name), data)
    path.write_bytes(buffer.getvalue())
    return path


def lembar_member(path: Path, sheet: str) -> str:
    """The zip member of a sheet, by its name in xl/workbook.xml."""
    members = anggota(path)
    book = members["xl/workbook.xml"].decode()
    match = re.search(rf'<sheet name="{re.escape(sheet)}" sheetId="(\d+)"', book)
    assert match is not None, sheet
    return f"xl/worksheets/sheet{match.group(1)}.xml"


def ubah_lembar(src: Path, dst: Path, sheet: str, before_end: str) -> Path:
    """A copy of the form with XML inserted before ``</sheetData>`` of one sheet."""
    members = anggota(src)
    member = lembar_member(src, sheet)
    xml = members[member].decode()
    members[member] = xml.replace("</sheetData>", before_end + "</sheetData>").encode()
    return tulis_zip(dst, members)


def bom_zip(path: Path, member: str, size: int, form: Path) -> Path:
    """A copy of the form whose ``member`` becomes ``size`` bytes of zeros (streamed, stored
    compressed: a few MB on disk), the classic zip bomb."""
    members = anggota(form)
    members.pop(member, None)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        info = zipfile.ZipInfo(member)
        info.compress_type = zipfile.ZIP_DEFLATED
        chunk = b"\0" * (1 << 20)
        with zf.open(info, "w", force_zip64=True) as handle:
            for _ in range(size // len(chunk)):
                handle.write(chunk)
    path.write_bytes(buffer.getvalue())
    return path


def ganti_ukuran(path: Path, member: str, declared: int) -> None:
    """Make the central directory lie about a member's uncompressed size."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    at = data.rfind(b"PK\x01\x02")
    while at != -1:
        nlen = int.from_bytes(data[at + 28 : at + 30], "little")
        if bytes(data[at + 46 : at + 46 + nlen]) == name:
            data[at + 24 : at + 28] = declared.to_bytes(4, "little")
            break
        at = data.rfind(b"PK\x01\x02", 0, at)
    path.write_bytes(bytes(data))


def meta_baris(form: Path) -> list[tuple[str, str]]:
    """The ``_meta`` entries of a form as the reader sees them."""
    from spbe_arch.survei.xlsx import BukuKerja

    book = BukuKerja(form.name, form.read_bytes())
    sheet = book.baca_lembar(meta.META, 100_000, 2)
    return [(str(sheet.nilai(r, 1)), str(sheet.nilai(r, 2) or "")) for r in sorted(sheet.baris)]


def deflate_raw(data: bytes) -> bytes:
    """Raw deflate, as zip stores a member."""
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def jalankan_terbatas(
    code: str, *, limit_mb: int = 1024, timeout: float = 120
) -> tuple[int, str, str]:
    """Run ``code`` in a fresh Python with an address-space cap (RLIMIT_AS); returns
    (exit code, stdout, stderr). A reader that allocates beyond the cap dies with MemoryError."""
    prelude = textwrap.dedent(
        f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, ({limit_mb} << 20, {limit_mb} << 20))
        """
    )
    env = dict(os.environ)
    proc = subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )
    return proc.returncode, proc.stdout, proc.stderr


def siapkan(base: Path) -> tuple[Path, Path]:
    """A copy of the example model and the genuine signed DINKES form made from it."""
    from survei_kit import buat, salin_contoh

    root = salin_contoh(base / "model")
    (form,) = buat(root, base / "out", "DINKES")
    return root, form


def salin(
    root: Path, form: Path, tmp_path: Path, nama: str = "survei-spbe-DINKES.xlsx"
) -> tuple[Path, Path]:
    """A fresh copy of a model and of its form, for one test to change."""
    import shutil

    copy = tmp_path / "model"
    shutil.copytree(root, copy)
    target = tmp_path / nama
    shutil.copy(form, target)
    return copy, target
