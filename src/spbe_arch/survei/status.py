"""``survey status``: per OPD, whether its form came back and what is still missing."""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from spbe_arch.check import check
from spbe_arch.model.kinds import DOMAINS
from spbe_arch.problems import Severity
from spbe_arch.rules.common import empty
from spbe_arch.survei.kolom import NAMA_SHEET, lembar
from spbe_arch.survei.penerimaan import baca_penerimaan

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

    @property
    def sisa_hari(self) -> int | None:
        """Days left to the deadline (negative when it has passed)."""
        return (self.tenggat - self.hari_ini).days if self.tenggat else None

    @property
    def kembali(self) -> int:
        """How many OPDs returned a form."""
        return sum(1 for b in self.baris if b.kembali is not None)


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
    file_owner: dict[str, Counter[str]] = {}
    for element in model.elemen.values():
        owner = model.owner(element.id) or ""
        src = model.sumber.get(element.id)
        if src is not None:
            file_owner.setdefault(src.file, Counter())[owner] += 1
        if element.DOMAIN not in DOMAINS or owner not in counts:
            continue
        counts[owner][element.DOMAIN] += 1
        if element.KIND in NAMA_SHEET:
            spec = lembar(element.KIND)
            kosong[owner] += sum(
                1 for k in spec.kolom if k.wajib and empty(getattr(element, k.field, None))
            )
    masalah: Counter[str] = Counter()
    for problem in result.problems:
        if problem.severity is Severity.INFO:
            continue
        who = model.owner(problem.element_id) if problem.element_id else None
        if who is None and problem.file in file_owner:
            who = file_owner[problem.file].most_common(1)[0][0]
        masalah[who or "-"] += 1
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
    "id": ("OPD", "Nama", "Kembali", *SINGKAT.values(), "Wajib kosong", "Masalah"),
    "en": ("OPD", "Name", "Returned", *SINGKAT.values(), "Required empty", "Problems"),
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
        return f"{status.pemda}: {status.kembali} of {total} OPDs returned their form; {dl}."
    dl = (
        f"tenggat {status.tenggat} (sisa {sisa} hari)" if status.tenggat else "tenggat belum diatur"
    )
    return f"{status.pemda}: {status.kembali} dari {total} OPD sudah mengembalikan formulir; {dl}."


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


def tulis_xlsx(status: Status, out: str | os.PathLike[str], lang: str = "id") -> None:
    """The table as an Excel workbook (numbers as numbers)."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Status"
    ws.append([_ringkas(status, lang)])
    ws.append(list(_JUDUL[lang]))
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for b in status.baris:
        ws.append(
            [
                b.opd,
                b.nama,
                b.kembali.date() if b.kembali else None,
                *(b.jumlah.get(d, 0) for d in DOMAINS),
                b.kosong,
                b.masalah,
            ]
        )
    ws.freeze_panes = "C3"
    wb.save(out)
