"""A bounded, streaming reader of the ``.xlsx`` files this tool generates (and Excel returns).

Returned workbooks are untrusted input (see docs/security.md, Workbooks). This reader never
materialises more than the form's own shape:

- the file is read once, up to :data:`BERKAS_MAKS` bytes, only when it is a regular file;
- the zip's central directory is checked **before** anything is decompressed: member count,
  each member's declared size and the declared total are capped, encrypted members and
  duplicate names are refused; decompression is then counted again while streaming (a member
  never yields more than its declared size: :mod:`zipfile` truncates and the CRC check fails);
- XML is parsed with expat in 64 KiB chunks; a document type declaration (the door to entity
  expansion and external entities) is refused outright;
- sheets are read row by row: cells are kept only inside the rectangle the caller names; an
  empty cell outside it costs nothing, a cell with a value beyond the last row stops the read
  with a located refusal, a value beyond the last column is counted and ignored; a text longer
  than Excel's own cell limit (32,767 characters) is refused while it is being read;
- shared strings are read after the sheets, and only those the kept cells point to are kept.

Values keep their type: text is decoded from Excel's ``_xHHHH_`` escapes, numbers are ``int``
or ``float``, date-formatted numbers and ``t="d"`` cells are dates, ``t="b"`` booleans. A
formula cell keeps its cached value and says it was a formula (``rumus``); a formula without a
cached value has ``nilai`` None and ``rumus`` True, so the caller can refuse it by place.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import re
import stat
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pyexpat import ExpatError, ParserCreate
from typing import Any

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.cell import column_index_from_string
from openpyxl.utils.datetime import from_excel

from spbe_arch.survei.meta import Gagal

BERKAS_MAKS = 32 * 1024 * 1024
"""Largest workbook file read (a generated form is well under 1 MB)."""
ANGGOTA_MAKS = 64 * 1024 * 1024
"""Largest declared (decompressed) size of one zip member."""
TOTAL_MAKS = 160 * 1024 * 1024
"""Largest declared total decompressed size of all members."""
JUMLAH_ANGGOTA_MAKS = 1000
SEL_MAKS = 32_767
"""Excel's own limit on the characters of one cell."""
LEMBAR_MAKS = 200
GABUNGAN_MAKS = 20_000
GAYA_MAKS = 65_000
_POTONG = 64 * 1024

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""Signature of an OLE compound file: a legacy ``.xls`` or an encrypted (password) workbook."""

_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_REF = re.compile(r"^([A-Z]{1,3})(\d{1,7})$")


class XlsxDitolak(Gagal):
    """The file cannot be read safely; ``pesan``/``pesan_en`` say why and what to do,
    ``tempat`` the cell when there is one."""

    def __init__(self, pesan: str, pesan_en: str, tempat: str = "") -> None:
        super().__init__(pesan, pesan_en)
        self.tempat = tempat


class _Stop(Exception):
    """Ends a streaming parse early (the rest of the document is not needed)."""


def dekode(text: str) -> str:
    """Excel's ``_xHHHH_`` escapes decoded (``_x005F_`` is an escaped underscore)."""
    if "_x" not in text:
        return text
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


# ---------------------------------------------------------------------------------------------
# the file


def baca_berkas(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a workbook file: regular files only, bounded, never blocking."""
    name = os.fspath(path)
    try:
        info = os.stat(name)
    except OSError as exc:
        raise XlsxDitolak(
            f"berkas tidak dapat dibuka ({exc.strerror})", f"cannot open the file ({exc.strerror})"
        ) from exc
    if not stat.S_ISREG(info.st_mode):
        what = "folder" if stat.S_ISDIR(info.st_mode) else "berkas khusus (FIFO/perangkat)"
        what_en = "a folder" if stat.S_ISDIR(info.st_mode) else "a special file (FIFO/device)"
        raise XlsxDitolak(
            f"bukan berkas biasa ({what}); sebutkan berkas .xlsx yang dikembalikan OPD",
            f"not a regular file ({what_en}); name the .xlsx file the OPD returned",
        )
    if info.st_size > BERKAS_MAKS:
        raise XlsxDitolak(
            f"berkas {info.st_size:,} bita, lebih dari batas {BERKAS_MAKS:,} bita untuk "
            "formulir survei; pakai formulir asli dari `survey generate`",
            f"the file has {info.st_size:,} bytes, over the {BERKAS_MAKS:,}-byte limit for a "
            "survey form; use the original form from `survey generate`",
        )
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(name, flags)
    except OSError as exc:
        raise XlsxDitolak(
            f"berkas tidak dapat dibuka ({exc.strerror})", f"cannot open the file ({exc.strerror})"
        ) from exc
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # swapped since the stat
            raise XlsxDitolak("bukan berkas biasa", "not a regular file")
        data = handle.read(BERKAS_MAKS + 1)
    if len(data) > BERKAS_MAKS:
        raise XlsxDitolak(
            f"berkas lebih dari {BERKAS_MAKS:,} bita", f"the file has over {BERKAS_MAKS:,} bytes"
        )
    return data


_SIMPAN = (
    "buka di Excel atau LibreOffice, lalu Simpan Sebagai › Buku Kerja Excel (.xlsx), dan "
    "impor berkas .xlsx itu"
)
_SIMPAN_EN = "open it in Excel or LibreOffice, Save As › Excel Workbook (.xlsx), and import that"


def _jenis_berkas(name: str, data: bytes) -> None:
    """Refuse what is recognisably not an .xlsx, saying what it is and what to do."""
    ext = os.path.splitext(name)[1].lower()
    if data.startswith(OLE):
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o" in data:
            raise XlsxDitolak(
                "buku kerja dilindungi kata sandi (terenkripsi); buka di Excel, hapus kata "
                "sandinya (Berkas › Info › Lindungi Buku Kerja › Enkripsi dengan Kata Sandi, "
                "kosongkan), simpan, lalu impor lagi",
                "the workbook is password-protected (encrypted); open it in Excel, remove the "
                "password (File › Info › Protect Workbook › Encrypt with Password, clear it), "
                "save, and import again",
            )
        raise XlsxDitolak(
            "berkas Excel 97-2003 (.xls); " + _SIMPAN,
            "an Excel 97-2003 file (.xls); " + _SIMPAN_EN,
        )
    if not data.startswith(b"PK"):
        if ext in (".csv", ".tsv", ".txt"):
            raise XlsxDitolak(
                "berkas teks (CSV) kehilangan lembar, kolom tersembunyi dan tanda tangan "
                "formulir; kirim kembali buku kerja .xlsx aslinya",
                "a text (CSV) file loses the form's sheets, hidden columns and signature; "
                "send back the original .xlsx workbook",
            )
        raise XlsxDitolak(
            "bukan buku kerja .xlsx (isi berkas tidak dikenali); pakai berkas .xlsx dari "
            "`survey generate` yang diisi OPD",
            "not an .xlsx workbook (unrecognised content); use the .xlsx from "
            "`survey generate` as the OPD filled it",
        )


# ---------------------------------------------------------------------------------------------
# XML streaming


def _lokal(tag: str) -> str:
    return tag.rsplit(" ", 1)[-1]


def _attr(attrs: dict[str, str], name: str) -> str | None:
    for key, value in attrs.items():
        if _lokal(key) == name and (" " not in key or name == "id"):
            return value
    return None


def _tanpa_dtd(*_: object) -> None:
    raise XlsxDitolak(
        "XML berisi deklarasi DOCTYPE/entitas (tidak pernah ada pada buku kerja Excel); "
        "berkas ditolak",
        "the XML holds a DOCTYPE/entity declaration (never in an Excel workbook); refused",
    )


def _urai(
    zf: zipfile.ZipFile,
    member: str,
    start: Callable[[str, dict[str, str]], None],
    end: Callable[[str], None] | None = None,
    text: Callable[[str], None] | None = None,
) -> None:
    """Stream one XML member through expat, bounded by its declared size."""
    info = zf.getinfo(member)
    parser = ParserCreate(namespace_separator=" ")
    parser.StartDoctypeDeclHandler = _tanpa_dtd
    parser.EntityDeclHandler = _tanpa_dtd
    parser.ExternalEntityRefHandler = _tanpa_dtd  # type: ignore[assignment]
    parser.SetParamEntityParsing(0)  # XML_PARAM_ENTITY_PARSING_NEVER
    parser.StartElementHandler = lambda n, a: start(_lokal(n), a)
    if end is not None:
        parser.EndElementHandler = lambda n: end(_lokal(n))
    if text is not None:
        parser.CharacterDataHandler = text
    parser.buffer_text = False
    total = 0
    try:
        with zf.open(info) as handle:
            while chunk := handle.read(_POTONG):
                total += len(chunk)
                if total > info.file_size or total > ANGGOTA_MAKS:
                    raise XlsxDitolak(
                        f"bagian {member} lebih besar dari yang dinyatakan", f"{member} overflows"
                    )
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _Stop:
        return
    except ExpatError as exc:
        raise XlsxDitolak(
            f"XML rusak pada bagian {member} (baris {exc.lineno}, kolom {exc.offset}): "
            f"{exc}; simpan ulang berkas di Excel",
            f"malformed XML in {member} (line {exc.lineno}, column {exc.offset}): {exc}; "
            "save the file again in Excel",
        ) from exc
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
        raise XlsxDitolak(
            f"bagian {member} rusak ({exc}); simpan ulang berkas di Excel",
            f"the member {member} is corrupt ({exc}); save the file again in Excel",
        ) from exc


# ---------------------------------------------------------------------------------------------
# the workbook


@dataclass(slots=True)
class Sel:
    """One cell: its value (typed), whether it held a formula, and where it came from."""

    nilai: Any
    rumus: bool = False


@dataclass(slots=True)
class Lembaran:
    """The cells of one sheet inside the requested rectangle (row → column → cell)."""

    nama: str
    baris: dict[int, dict[int, Sel]] = field(default_factory=dict)
    gabungan: list[tuple[int, int, int, int]] = field(default_factory=list)
    di_luar_kolom: int = 0
    """How many cells with a value were beyond the last column read (ignored)."""

    def nilai(self, row: int, col: int) -> Any:
        """The value at (row, column), or None."""
        cell = self.baris.get(row, {}).get(col)
        return cell.nilai if cell is not None else None

    def sel(self, row: int, col: int) -> Sel | None:
        """The cell at (row, column), if any."""
        return self.baris.get(row, {}).get(col)

    @property
    def baris_terakhir(self) -> int:
        """The last row holding a cell (1 when empty)."""
        return max(self.baris, default=1)


class BukuKerja:
    """An opened workbook: its sheets by name, read on demand within bounds."""

    def __init__(self, name: str, data: bytes) -> None:
        self.name = name
        _jenis_berkas(name, data)
        try:
            self.zf = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zf.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError) as exc:
            raise XlsxDitolak(
                f"arsip zip rusak ({exc}); simpan ulang berkas di Excel sebagai .xlsx",
                f"broken zip archive ({exc}); save the file again in Excel as .xlsx",
            ) from exc
        self._periksa_arsip(infos)
        self._periksa_jenis()
        self.lembar: dict[str, str] = {}
        self.tersembunyi: set[str] = set()
        self._baca_buku()
        self._tanggal: list[bool] | None = None
        self._sst: dict[int, str] | None = None

    # -- the archive ----------------------------------------------------------------------------
    def _periksa_arsip(self, infos: list[zipfile.ZipInfo]) -> None:
        if len(infos) > JUMLAH_ANGGOTA_MAKS:
            raise XlsxDitolak(
                f"arsip berisi {len(infos)} bagian (batas {JUMLAH_ANGGOTA_MAKS})",
                f"the archive has {len(infos)} members (limit {JUMLAH_ANGGOTA_MAKS})",
            )
        names: set[str] = set()
        total = 0
        for info in infos:
            if info.filename in names:
                raise XlsxDitolak(
                    f"arsip memuat bagian {info.filename} dua kali; berkas dimanipulasi atau "
                    "rusak, minta OPD menyimpan ulang",
                    f"the archive holds {info.filename} twice; tampered or broken, ask the OPD "
                    "to save it again",
                )
            names.add(info.filename)
            if info.flag_bits & 0x1:
                raise XlsxDitolak(
                    "bagian arsip terenkripsi; hapus kata sandi dan simpan ulang",
                    "an encrypted archive member; remove the password and save again",
                )
            if info.file_size > ANGGOTA_MAKS:
                raise XlsxDitolak(
                    f"bagian {info.filename} mengembang menjadi {info.file_size:,} bita (batas "
                    f"{ANGGOTA_MAKS:,}); ini bukan formulir survei yang wajar (bom zip?)",
                    f"member {info.filename} expands to {info.file_size:,} bytes (limit "
                    f"{ANGGOTA_MAKS:,}); not a plausible survey form (zip bomb?)",
                )
            total += info.file_size
        if total > TOTAL_MAKS:
            raise XlsxDitolak(
                f"isi arsip mengembang menjadi {total:,} bita (batas {TOTAL_MAKS:,}); "
                "bukan formulir survei yang wajar (bom zip?)",
                f"the archive expands to {total:,} bytes (limit {TOTAL_MAKS:,}); not a "
                "plausible survey form (zip bomb?)",
            )
        self.names = names

    def _periksa_jenis(self) -> None:
        if "mimetype" in self.names:
            try:
                mime = self.zf.read("mimetype")[:200].decode("ascii", "replace")
            except (zipfile.BadZipFile, zlib.error, OSError):
                mime = ""
            if "opendocument" in mime:
                raise XlsxDitolak(
                    "berkas OpenDocument (.ods); " + _SIMPAN,
                    "an OpenDocument file (.ods); " + _SIMPAN_EN,
                )
        if any(n.lower().endswith("vbaproject.bin") for n in self.names):
            raise XlsxDitolak(
                "buku kerja berisi makro (.xlsm); simpan sebagai Buku Kerja Excel (.xlsx) "
                "tanpa makro, lalu impor lagi",
                "the workbook holds macros (.xlsm); save it as an Excel Workbook (.xlsx) "
                "without macros, and import again",
            )
        if "xl/workbook.xml" not in self.names or "[Content_Types].xml" not in self.names:
            raise XlsxDitolak(
                "bukan buku kerja .xlsx (xl/workbook.xml tidak ada); " + _SIMPAN,
                "not an .xlsx workbook (no xl/workbook.xml); " + _SIMPAN_EN,
            )
        types: list[str] = []
        _urai(
            self.zf,
            "[Content_Types].xml",
            lambda n, a: types.append(a.get("ContentType", "")) if n in ("Override", "Default")
            else None,
        )  # fmt: skip
        if any("macroEnabled" in t or "vbaProject" in t for t in types):
            raise XlsxDitolak(
                "buku kerja berjenis makro (.xlsm); simpan sebagai .xlsx tanpa makro",
                "a macro-enabled workbook (.xlsm); save it as .xlsx without macros",
            )

    def _baca_buku(self) -> None:
        sheets: list[tuple[str, str, str]] = []

        def sheet(n: str, a: dict[str, str]) -> None:
            if n == "sheet":
                if len(sheets) >= LEMBAR_MAKS:
                    raise XlsxDitolak("terlalu banyak lembar", "too many sheets")
                sheets.append((a.get("name", ""), _attr(a, "id") or "", a.get("state", "")))

        _urai(self.zf, "xl/workbook.xml", sheet)
        targets: dict[str, str] = {}
        rels = "xl/_rels/workbook.xml.rels"
        if rels in self.names:

            def rel(n: str, a: dict[str, str]) -> None:
                if n == "Relationship" and len(targets) < 10 * LEMBAR_MAKS:
                    targets[a.get("Id", "")] = a.get("Target", "")

            _urai(self.zf, rels, rel)
        for name, rid, state in sheets:
            if name in self.lembar:
                raise XlsxDitolak(
                    f"nama lembar '{name}' muncul dua kali", f"sheet name '{name}' appears twice"
                )
            target = targets.get(rid, "")
            member = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            member = os.path.normpath(member).replace(os.sep, "/")
            if member not in self.names:
                raise XlsxDitolak(
                    f"lembar '{name}' tidak ada di arsip; simpan ulang berkas di Excel",
                    f"sheet '{name}' is missing from the archive; save the file again in Excel",
                )
            self.lembar[name] = member
            if state in ("hidden", "veryHidden"):
                self.tersembunyi.add(name)

    # -- styles and shared strings ---------------------------------------------------------------
    def _gaya_tanggal(self) -> list[bool]:
        if self._tanggal is not None:
            return self._tanggal
        formats: dict[int, str] = dict(BUILTIN_FORMATS)
        xfs: list[int] = []
        depth = {"cellXfs": False}

        def start(n: str, a: dict[str, str]) -> None:
            if n == "numFmt":
                with contextlib.suppress(ValueError):
                    formats[int(a.get("numFmtId", "-1"))] = a.get("formatCode", "")
            elif n == "cellXfs":
                depth["cellXfs"] = True
            elif n == "xf" and depth["cellXfs"]:
                if len(xfs) >= GAYA_MAKS:
                    raise XlsxDitolak("terlalu banyak gaya sel", "too many cell styles")
                try:
                    xfs.append(int(a.get("numFmtId", "0")))
                except ValueError:
                    xfs.append(0)

        def end(n: str) -> None:
            if n == "cellXfs":
                depth["cellXfs"] = False

        if "xl/styles.xml" in self.names:
            _urai(self.zf, "xl/styles.xml", start, end)
        self._tanggal = [is_date_format(formats.get(i, "")) for i in xfs]
        return self._tanggal

    def _teks_bersama(self, wanted: set[int]) -> dict[int, str]:
        member = next((n for n in self.names if n.lower() == "xl/sharedstrings.xml"), None)
        out: dict[int, str] = {}
        if member is None or not wanted:
            return out
        last = max(wanted)
        state: dict[str, Any] = {"i": -1, "t": False, "rph": 0, "parts": [], "len": 0}

        def start(n: str, a: dict[str, str]) -> None:
            if n == "si":
                state["i"] += 1
                if state["i"] > last:
                    raise _Stop
                state["parts"] = []
                state["len"] = 0
            elif n == "rPh":
                state["rph"] += 1
            elif n == "t" and not state["rph"]:
                state["t"] = True

        def end(n: str) -> None:
            if n == "t":
                state["t"] = False
            elif n == "rPh":
                state["rph"] -= 1
            elif n == "si" and state["i"] in wanted:
                out[state["i"]] = dekode("".join(state["parts"]))

        def text(data: str) -> None:
            if state["t"] and state["i"] in wanted:
                state["len"] += len(data)
                if state["len"] > SEL_MAKS * 7:  # escapes take up to 7 characters each
                    raise XlsxDitolak(
                        f"teks bersama #{state['i']} lebih dari {SEL_MAKS:,} karakter",
                        f"shared text #{state['i']} is over {SEL_MAKS:,} characters",
                    )
                state["parts"].append(data)

        _urai(self.zf, member, start, end, text)
        return out

    # -- sheets ----------------------------------------------------------------------------------
    def baca_lembar(self, name: str, max_row: int, max_col: int) -> Lembaran:
        """The cells of a sheet in rows 1..max_row, columns 1..max_col (see module doc)."""
        member = self.lembar[name]
        dates = self._gaya_tanggal()
        sheet = Lembaran(name)
        pending_sst: list[tuple[int, int, int]] = []
        st: dict[str, Any] = {
            "row": 0, "col": 0, "t": "n", "s": 0, "ref": "", "v": None, "f": False,
            "in": "", "parts": [], "len": 0, "is": False,
        }  # fmt: skip

        def start(n: str, a: dict[str, str]) -> None:
            if n == "row":
                r = a.get("r")
                st["row"] = _angka(r, "baris", name) if r else st["row"] + 1
                st["col"] = 0
            elif n == "c":
                ref = a.get("r")
                if ref:
                    m = _REF.match(ref)
                    if m is None:
                        raise XlsxDitolak(
                            f"lembar '{name}': alamat sel '{ref[:20]}' tidak sah",
                            f"sheet '{name}': invalid cell address '{ref[:20]}'",
                        )
                    st["col"] = column_index_from_string(m.group(1))
                    st["row"] = int(m.group(2))
                else:
                    st["col"] += 1
                st.update(ref=ref or "", t=a.get("t", "n"), v=None, f=False, is_=False)
                try:
                    st["s"] = int(a.get("s", "0"))
                except ValueError:
                    st["s"] = 0
            elif n in ("v", "t") and st["col"]:
                st["in"] = n
                st["parts"] = []
                st["len"] = 0
            elif n == "f":
                st["f"] = True
            elif n == "mergeCell" and len(sheet.gabungan) < GABUNGAN_MAKS:
                merged = _rentang(a.get("ref", ""))
                if merged is not None:
                    sheet.gabungan.append(merged)

        def text(data: str) -> None:
            if st["in"]:
                st["len"] += len(data)
                if st["len"] > SEL_MAKS * 7:
                    raise XlsxDitolak(
                        f"lembar '{name}' › sel {_alamat(st)}: lebih dari {SEL_MAKS:,} karakter "
                        "(batas Excel untuk satu sel); persingkat isinya",
                        f"sheet '{name}' › cell {_alamat(st)}: over {SEL_MAKS:,} characters "
                        "(Excel's limit for one cell); shorten it",
                        _alamat(st),
                    )
                st["parts"].append(data)

        def end(n: str) -> None:
            if n in ("v", "t") and st["in"]:
                joined = "".join(st["parts"])
                st["v"] = joined if st["v"] is None or n == "v" else st["v"] + joined
                st["in"] = ""
            elif n == "c" and st["col"]:
                self._sel(sheet, st, max_row, max_col, dates, pending_sst)

        _urai(self.zf, member, start, end, text)
        if pending_sst:
            table = self._teks_bersama({i for _, _, i in pending_sst})
            for row, col, index in pending_sst:
                if index not in table:
                    raise XlsxDitolak(
                        f"lembar '{name}' › sel {_kolom_huruf(col)}{row}: rujukan teks bersama "
                        f"#{index} tidak ada; simpan ulang berkas di Excel",
                        f"sheet '{name}' › cell {_kolom_huruf(col)}{row}: shared text #{index} "
                        "does not exist; save the file again in Excel",
                    )
                sheet.baris[row][col].nilai = table[index]
        return sheet

    def _sel(
        self,
        sheet: Lembaran,
        st: dict[str, Any],
        max_row: int,
        max_col: int,
        dates: list[bool],
        pending: list[tuple[int, int, int]],
    ) -> None:
        row, col, raw, kind = st["row"], st["col"], st["v"], st["t"]
        has_value = raw is not None and raw != ""
        if not has_value and not st["f"]:
            return
        where = f"lembar '{sheet.nama}' › sel {_alamat(st)}"
        where_en = f"sheet '{sheet.nama}' › cell {_alamat(st)}"
        if row > max_row:
            raise XlsxDitolak(
                f"{where}: isian di baris {row:,}, jauh di luar formulir (paling banyak "
                f"{max_row:,} baris); hapus isian itu atau pindahkan ke baris kosong di atasnya",
                f"{where_en}: a value at row {row:,}, far outside the form (at most "
                f"{max_row:,} rows); delete it or move it to an empty row above",
                _alamat(st),
            )
        if col > max_col:
            sheet.di_luar_kolom += 1
            return
        cells = sheet.baris.setdefault(row, {})
        if col in cells:
            raise XlsxDitolak(
                f"{where}: sel ditulis dua kali di XML (berkas dimanipulasi?)",
                f"{where_en}: the cell is written twice in the XML (tampered?)",
                _alamat(st),
            )
        value: Any = None
        if has_value:
            if kind == "s":
                index = _angka(raw, "teks bersama", sheet.nama)
                pending.append((row, col, index))
                value = ""
            elif kind in ("str", "inlineStr"):
                value = dekode(raw)
            elif kind == "b":
                value = raw.strip() in ("1", "true")
            elif kind == "e":
                raise XlsxDitolak(
                    f"{where}: sel menampilkan galat {raw[:20]}; perbaiki rumusnya atau ketik "
                    "nilainya",
                    f"{where_en}: the cell shows the error {raw[:20]}; fix the formula or type "
                    "the value",
                    _alamat(st),
                )
            elif kind == "d":
                value = _iso(raw, where, where_en)
            else:
                value = _bilangan(raw, where, where_en)
                s = st["s"]
                if 0 <= s < len(dates) and dates[s] and isinstance(value, int | float):
                    with contextlib.suppress(ValueError, OverflowError):
                        value = from_excel(value)
        cells[col] = Sel(value, st["f"])


def _alamat(st: dict[str, Any]) -> str:
    return st["ref"] or f"{_kolom_huruf(st['col'])}{st['row']}"


def _kolom_huruf(col: int) -> str:
    from openpyxl.utils.cell import get_column_letter

    return get_column_letter(col) if 1 <= col <= 18278 else f"#{col}"


def _angka(text: str, what: str, sheet: str) -> int:
    if not text.isdigit() or len(text) > 9:
        raise XlsxDitolak(
            f"lembar '{sheet}': nomor {what} '{text[:20]}' tidak sah",
            f"sheet '{sheet}': invalid {what} number '{text[:20]}'",
        )
    return int(text)


def _bilangan(raw: str, where: str, where_en: str) -> int | float:
    text = raw.strip()
    try:
        number = float(text)
    except ValueError as exc:
        raise XlsxDitolak(
            f"{where}: bilangan '{text[:20]}' tidak sah", f"{where_en}: invalid number"
        ) from exc
    if number != number or number in (float("inf"), float("-inf")):
        raise XlsxDitolak(f"{where}: bilangan tidak sah", f"{where_en}: invalid number")
    if number.is_integer() and "." not in text and "E" not in text.upper():
        return int(text)
    return number


def _iso(raw: str, where: str, where_en: str) -> dt.date | dt.datetime:
    try:
        value = dt.datetime.fromisoformat(raw.strip())
    except ValueError as exc:
        raise XlsxDitolak(
            f"{where}: tanggal '{raw[:30]}' tidak sah", f"{where_en}: invalid date"
        ) from exc
    return value.date() if value.time() == dt.time() else value


def _rentang(ref: str) -> tuple[int, int, int, int] | None:
    first, _, last = ref.partition(":")
    a, b = _REF.match(first), _REF.match(last or first)
    if a is None or b is None:
        return None
    return (
        int(a.group(2)),
        column_index_from_string(a.group(1)),
        int(b.group(2)),
        column_index_from_string(b.group(1)),
    )
