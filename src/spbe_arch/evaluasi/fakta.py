"""Facts about a checked model that the self-assessment rests on (each with its evidence)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spbe_arch.model.kinds import DOMAINS
from spbe_arch.model.peta_rencana import Muatan, RencanaSpbe
from spbe_arch.problems import Severity
from spbe_arch.roadmap.waktu import rencana

if TYPE_CHECKING:  # spbe_arch.check imports the rules, which import this package
    from spbe_arch.results import CheckResult


@dataclass(slots=True)
class Fakta:
    """What the model shows about the Arsitektur and the Peta Rencana in one evaluation year."""

    tahun: int
    penetapan: str | None
    tanggal_penetapan: dt.date | None
    domain_terisi: list[str]
    tanpa_referensi: int
    galat_katalog: int
    reviu: list[dt.date]
    penghubung: int
    integrasi_tanpa_penghubung: int
    muatan: list[str]
    jumlah_rencana: int
    rencana_tanpa_indikator: int
    rpjmd_selaras: bool
    periode_mulai: int
    tahun_didanai: dict[int, list[str]] = field(default_factory=dict)

    @property
    def dimutakhirkan(self) -> bool:
        """Whether the enacted document is newer than a review (updated after review)."""
        tanggal = self.tanggal_penetapan
        return tanggal is not None and any(r < tanggal for r in self.reviu)

    @property
    def tiga_tahun(self) -> list[int]:
        """The last three years up to the evaluation year."""
        return [self.tahun - 2, self.tahun - 1, self.tahun]


def _funded(items: list[RencanaSpbe], year: int) -> list[str]:
    """Items that run in ``year`` with a sub kegiatan code and a budget for it."""
    return [
        r.id
        for r in items
        if year in r.tahun_berjalan() and r.kode_pendanaan(year) and r.anggaran.get(year, 0) > 0
    ]


def kumpulkan(result: CheckResult, tahun: int, today: dt.date) -> Fakta:
    """The facts of a checked model for an evaluation in ``tahun`` (reviews up to ``today``)."""
    model = result.model
    konf = model.konfigurasi
    items = rencana(model)
    arsitektur = [e for e in model.elemen.values() if e.DOMAIN in DOMAINS]
    errors = [p for p in result.problems if p.severity is Severity.ERROR]
    rpjmd = konf is not None and konf.rpjmd is not None and konf.rpjmd == konf.periode
    fakta = Fakta(
        tahun=tahun,
        penetapan=konf.penetapan.nomor if konf and konf.penetapan else None,
        tanggal_penetapan=konf.penetapan.tanggal if konf and konf.penetapan else None,
        domain_terisi=[d for d in DOMAINS if any(d == e.DOMAIN for e in arsitektur)],
        tanpa_referensi=sum(1 for e in arsitektur if e.KATALOG and not e.referensi),
        galat_katalog=sum(1 for p in errors if p.code.startswith("SPBE-KAT-")),
        reviu=sorted(r.tanggal for r in (konf.reviu if konf else []) if r.tanggal <= today),
        penghubung=len(model.of_kind("sistem_penghubung_layanan")),
        integrasi_tanpa_penghubung=sum(1 for p in result.problems if p.code == "SPBE-APL-003"),
        muatan=[m.value for m in Muatan if any(r.muatan is m for r in items)],
        jumlah_rencana=len(items),
        rencana_tanpa_indikator=sum(1 for r in items if not r.indikator),
        rpjmd_selaras=rpjmd,
        periode_mulai=konf.periode.mulai if konf else tahun,
    )
    fakta.tahun_didanai = {y: _funded(items, y) for y in fakta.tiga_tahun}
    return fakta
