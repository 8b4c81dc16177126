"""``survey status``: per OPD, whether its form came back and what is still missing."""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from spbe_arch import fileio
from spbe_arch.check import check
from spbe_arch.model.arsitektur import Arsitektur
from spbe_arch.model.kinds import DOMAINS
from spbe_arch.problems import Problem, Severity
from spbe_arch.rules.common import empty
from spbe_arch.survei import jurnal
from spbe_arch.survei.kolom import NAMA_SHEET, lembar, nilai_dari
from spbe_arch.survei.pemilik import owners_of
from spbe_arch.survei.penerimaan import baca_penerimaan
from spbe_arch.survei.xlsxtulis import Buku, Gaya

SINGKAT = {
    "proses_bisnis": "PB",
    "data": "Data",
    "layanan": "Lay",
    "aplikasi": "Apl",
    "infrastruktur": "Infra",
    "keamanan": "Kam",
}
"""Short column names of the six domains."""


@dataclass(slots=True)
class BarisStatus:
    """One OPD's line of the table."""

    opd: str
    nama: str
    kembali: dt.datetime | None
    jumlah: dict[str, int]
    kosong: int
    masalah: int


@dataclass(slots=True)
class Status:
    """The survey status of a repository on a day."""

    pemda: str
    tenggat: dt.date | None
    hari_ini: dt.date
    baris: list[BarisStatus] = field(default_factory=list)
    jurnal: bool = False
    """An interrupted import is waiting to be completed (the next import does it)."""
    galat_konfigurasi: int = 0
    """Errors in ``spbe.yaml`` when it could not be loaded (then the Pemda's name and the
    deadline are unknown, and the summary says so)."""

    @property
    def sisa_hari(self) -> int | None:
        """Days left to the deadline (negative when it has passed)."""
        return (self.tenggat - self.hari_ini).days if self.tenggat else None

    @property
    def kembali(self) -> int:
        """How many OPDs returned a form."""
        return sum(1 for b in self.baris if b.kembali is not None)


def masalah_per_opd(model: Arsitektur, problems: list[Problem]) -> Counter[str]:
    """Errors and warnings per owner OPD (an element's problem counts for each owner; a problem
    of no element for the OPD owning most elements of its file; else ``-``)."""
    file_owner: dict[str, Counter[str]] = {}
    for element in model.elemen.values():
        src = model.sumber.get(element.id)
        if src is not None:
            for owner in owners_of(element) or ("",):
                file_owner.setdefault(src.file, Counter())[owner] += 1
    out: Counter[str] = Counter()
    for problem in problems:
        if problem.severity is Severity.INFO:
            continue
        found = model.elemen.get(problem.element_id or "")
        who: tuple[str, ...] = ()
        if found is not None:
            who = owners_of(found)
        elif problem.element_id and problem.element_id in model.opd:
            who = (problem.element_id,)
        elif problem.element_id and model.owner(problem.element_id):
            who = (str(model.owner(problem.element_id)),)
        if not who and problem.file in file_owner:
            top = file_owner[problem.file].most_common(1)[0][0]
            who = (top,) if top else ()
        for owner in who or ("-",):
            out[owner] += 1
    return out


def hitung_status(path: str | os.PathLike[str], *, today: dt.date | None = None) -> Status:
    """Count, per OPD: receipts, elements per domain, empty required fields, problems."""
    root = Path(path)
    today = today or dt.date.today()
    result = check(root, today=today)
    model = result.model
    config = model.konfigurasi
    survei = config.survei if config is not None else None
    status = Status(config.pemda.nama if config else "", survei.tenggat if survei else None, today)
    last: dict[str, dt.datetime] = {}
    for receipt in baca_penerimaan(root):
        if receipt.opd not in last or receipt.tanggal > last[receipt.opd]:
            last[receipt.opd] = receipt.tanggal
    counts: dict[str, Counter[str]] = {o: Counter() for o in model.opd}
    kosong: Counter[str] = Counter()
    for element in model.elemen.values():
        for owner in owners_of(element):
            if element.DOMAIN not in DOMAINS or owner not in counts:
                continue
            counts[owner][element.DOMAIN] += 1
            if element.KIND in NAMA_SHEET:
                spec = lembar(element.KIND)
                kosong[owner] += sum(
                    1
                    for k in spec.kolom
                    if (k.wajib or k.anjuran) and empty(nilai_dari(element, k.field))
                )
    masalah = masalah_per_opd(model, result.problems)
    status.jurnal = jurnal.ada(root)
    if config is None:
        status.galat_konfigurasi = sum(
            1
            for p in result.problems
            if p.file == model.config_file and p.severity is Severity.ERROR
        )
    for opd_id in sorted(model.opd):
        opd = model.opd[opd_id]
        status.baris.append(
            BarisStatus(
                opd_id,
                opd.singkatan or opd.nama,
                last.get(opd_id),
                dict(counts[opd_id]),
                kosong[opd_id],
                masalah[opd_id],
            )
        )
    return status


_JUDUL = {
    "id": ("OPD", "Nama", "Kembali", *SINGKAT.values(), "Belum diisi", "Masalah"),
    "en": ("OPD", "Name", "Returned", *SINGKAT.values(), "Not filled", "Problems"),
}


def _sel(status: Status, lang: str) -> list[list[str]]:
    rows = []
    for b in status.baris:
        back = b.kembali.date().isoformat() if b.kembali else ("belum" if lang == "id" else "no")
        rows.append(
            [
                b.opd,
                b.nama,
                back,
                *(str(b.jumlah.get(d, 0)) for d in DOMAINS),
                str(b.kosong),
                str(b.masalah),
            ]
        )
    return rows


def _ringkas(status: Status, lang: str) -> str:
    total = len(status.baris)
    sisa = status.sisa_hari
    if lang == "en":
        dl = (
            f"deadline {status.tenggat} ({sisa} days left)" if status.tenggat else "no deadline set"
        )
        extra = (
            " An interrupted import is waiting: run `survey import` again to complete it."
            if status.jurnal
            else ""
        )
        if status.galat_konfigurasi:
            extra += (
                f" spbe.yaml cannot be loaded ({status.galat_konfigurasi} error(s)): the Pemda's "
                "name and the deadline are unknown; run `spbe-arch check` to see where."
            )
        who = status.pemda or "(spbe.yaml not loaded)"
        return f"{who}: {status.kembali} of {total} OPDs returned their form; {dl}.{extra}"
    dl = (
        f"tenggat {status.tenggat} (sisa {sisa} hari)" if status.tenggat else "tenggat belum diatur"
    )
    extra = (
        " Ada impor yang terputus: jalankan `survey import` lagi untuk menyelesaikannya."
        if status.jurnal
        else ""
    )
    if status.galat_konfigurasi:
        extra += (
            f" spbe.yaml tidak dapat dimuat ({status.galat_konfigurasi} galat): nama Pemda dan "
            "tenggat tidak diketahui; jalankan `spbe-arch check` untuk melihat letaknya."
        )
    who = status.pemda or "(spbe.yaml belum termuat)"
    return f"{who}: {status.kembali} dari {total} OPD sudah mengembalikan formulir; {dl}.{extra}"


def format_teks(status: Status, lang: str = "id") -> str:
    """The table as aligned plain text."""
    head = list(_JUDUL[lang])
    rows = _sel(status, lang)
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    lines = [_ringkas(status, lang), ""]
    for row in [head, ["-" * w for w in widths], *rows]:
        cells = [
            c.ljust(w) if i < 3 else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


def format_markdown(status: Status, lang: str = "id") -> str:
    """The table as GitHub-flavoured Markdown."""
    head = _JUDUL[lang]
    lines = [
        _ringkas(status, lang),
        "",
        "| " + " | ".join(head) + " |",
        "|" + "|".join("---" if i < 3 else "---:" for i in range(len(head))) + "|",
    ]
    lines += ["| " + " | ".join(r) + " |" for r in _sel(status, lang)]
    return "\n".join(lines) + "\n"


def xlsx_bytes(status: Status, lang: str = "id") -> bytes:
    """The table as an Excel workbook (numbers as numbers, names always text)."""
    wb = Buku()
    ws = wb.tambah("Status")
    ws.tulis(1, 1, _ringkas(status, lang))
    bold = Gaya(tebal=True)
    for col, head in enumerate(_JUDUL[lang], start=1):
        ws.tulis(2, col, head, bold)
    for row, b in enumerate(status.baris, start=3):
        values: list[object] = [
            b.opd,
            b.nama,
            b.kembali.date() if b.kembali else None,
            *(b.jumlah.get(d, 0) for d in DOMAINS),
            b.kosong,
            b.masalah,
        ]
        for col, value in enumerate(values, start=1):
            ws.tulis(row, col, value)
    ws.beku = (3, 3)
    ws.kertas = 9
    ws.lanskap = True
    return wb.ke_bytes()


def tulis_xlsx(status: Status, out: str | os.PathLike[str], lang: str = "id") -> None:
    """Write the table as an Excel workbook (atomically, inside the file's folder)."""
    target = Path(os.path.abspath(out))
    fileio.write_atomic(target, xlsx_bytes(status, lang), root=target.parent)
