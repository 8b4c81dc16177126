"""Self-assessment of the architecture and roadmap indicators, derived from the model.

Permenpan RB 59/2020 indicators 1 and 11 (Arsitektur SPBE: policy, document) and 2 and 12 (Peta
Rencana SPBE: policy, document), with the maturity criteria of its instrument (level 1-5 per
indicator), and Permenpan RB 8/2026 indikator 1 (Tata Kelola Pemdi, which references the
Arsitektur and the Rencana Aksi) [I]. A level is earned when every criterion of it and of the
levels below holds; each result carries the evidence and what is missing for the next level.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spbe_arch.evaluasi.fakta import Fakta, kumpulkan
from spbe_arch.evaluasi.rezim import load_rezim, normalise, rezim_pada_tahun

if TYPE_CHECKING:  # spbe_arch.check imports the rules, which import this package
    from spbe_arch.results import CheckResult

Teks = tuple[str, str]
"""A text in Bahasa Indonesia and in English."""


@dataclass(frozen=True, slots=True)
class Kriteria:
    """One criterion of a level: whether it holds, the evidence, and what would satisfy it."""

    level: int
    terpenuhi: bool
    bukti: Teks
    kurang: Teks


@dataclass(slots=True)
class HasilIndikator:
    """The self-assessed level of one indicator."""

    rezim: str
    no: int
    nama: str
    level: int
    nama_level: str
    keyakinan: str
    bukti: list[Teks] = field(default_factory=list)
    kurang: list[Teks] = field(default_factory=list)

    def to_dict(self, lang: str = "id") -> dict[str, object]:
        """JSON-ready form."""
        k = 1 if lang == "en" else 0
        return {
            "rezim": self.rezim,
            "indikator": self.no,
            "nama": self.nama,
            "level": self.level,
            "nama_level": self.nama_level,
            "keyakinan": self.keyakinan,
            "bukti": [b[k] for b in self.bukti],
            "kurang_untuk_level_berikutnya": [m[k] for m in self.kurang],
        }


def _ladder(criteria: list[Kriteria]) -> tuple[int, list[Teks], list[Teks]]:
    """The level earned, the evidence of the criteria met up to it, what the next one needs."""
    criteria = sorted(criteria, key=lambda c: c.level)
    level = 1
    for n in range(2, 6):
        if all(c.terpenuhi for c in criteria if c.level == n):
            level = n
        else:
            break
    bukti = [c.bukti for c in criteria if c.level <= level and c.terpenuhi]
    kurang = [c.kurang for c in criteria if c.level == level + 1 and not c.terpenuhi]
    return level, bukti, kurang


def _arsitektur(f: Fakta, kebijakan: bool) -> list[Kriteria]:
    six = len(f.domain_terisi) == 6
    out = [
        Kriteria(2, bool(f.domain_terisi),
                 (f"arsitektur memuat elemen ({len(f.domain_terisi)} dari 6 domain)",
                  f"the architecture has elements ({len(f.domain_terisi)} of 6 domains)"),
                 ("isi elemen arsitektur", "add architecture elements")),
        Kriteria(3, six, ("keenam domain berisi elemen", "all six domains have elements"),
                 ("isi keenam domain arsitektur", "cover all six domains")),
        Kriteria(3, f.tanpa_referensi == 0,
                 ("semua elemen diklasifikasikan dengan kode referensi",
                  "every element is classified with a reference code"),
                 (f"{f.tanpa_referensi} elemen belum memiliki kode referensi",
                  f"{f.tanpa_referensi} elements have no reference code")),
        _reviu(f),
        Kriteria(5, f.dimutakhirkan,
                 ("penetapan diperbarui setelah reviu", "re-enacted after a review"),
                 ("tetapkan dokumen yang dimutakhirkan setelah reviu (tanggal `penetapan` "
                  "sesudah tanggal reviu)", "enact the document revised after the review "
                  "(a `penetapan` date after a review date)")),
    ]  # fmt: skip
    out.append(_penetapan(f, needed=kebijakan))
    if kebijakan:
        ok = f.penghubung > 0 and f.integrasi_tanpa_penghubung == 0
        out.append(Kriteria(4, ok,
            (f"integrasi diatur: {f.penghubung} sistem penghubung layanan, semua integrasi "
             "melaluinya", f"integration is governed: {f.penghubung} service buses, every "
             "exchange goes through one"),
            ("modelkan sistem penghubung layanan dan alirkan integrasi melaluinya "
             "(SPBE-APL-003)", "model a service bus and route integrations through it "
             "(SPBE-APL-003)")))  # fmt: skip
    else:
        out.append(Kriteria(4, f.galat_katalog == 0,
            ("sesuai katalog Referensi Arsitektur nasional (tanpa galat SPBE-KAT)",
             "conforms to the national reference catalogue (no SPBE-KAT errors)"),
            (f"perbaiki {f.galat_katalog} galat katalog (SPBE-KAT)",
             f"fix {f.galat_katalog} catalogue errors (SPBE-KAT)")))  # fmt: skip
    return out


def _peta_rencana(f: Fakta, kebijakan: bool) -> list[Kriteria]:
    n = len(f.muatan)
    missing = ", ".join(sorted(set(_MUATAN) - set(f.muatan)))
    out = [
        Kriteria(2, n > 0, (f"peta rencana memuat butir ({n} dari 7 muatan)",
                            f"the roadmap has items ({n} of 7 muatan)"),
                 ("tulis butir Peta Rencana", "write roadmap items")),
        Kriteria(3, n == 7, ("ketujuh muatan memiliki butir", "all seven muatan have items"),
                 (f"tambah butir untuk muatan: {missing}", f"add items for muatan: {missing}")),
        _reviu(f),
        Kriteria(5, f.dimutakhirkan,
                 ("penetapan diperbarui setelah reviu", "re-enacted after a review"),
                 ("tetapkan Peta Rencana yang dimutakhirkan setelah reviu",
                  "enact the roadmap revised after the review")),
    ]  # fmt: skip
    out.append(_penetapan(f, needed=kebijakan))
    if kebijakan:
        ok = f.rpjmd_selaras and f.rencana_tanpa_indikator == 0 and f.jumlah_rencana > 0
        out.append(Kriteria(4, ok,
            ("selaras: periode = RPJMD dan setiap butir menyebut indikator evaluasi",
             "aligned: period = RPJMD and every item names an evaluation indicator"),
            ("samakan `periode` dengan `rpjmd` dan sebut `indikator` di setiap butir "
             f"({f.rencana_tanpa_indikator} butir tanpa indikator)",
             "make `periode` equal `rpjmd` and name `indikator` in every item "
             f"({f.rencana_tanpa_indikator} items without one)")))  # fmt: skip
    else:
        unfunded = [
            f"{y} (sebelum periode)" if y < f.periode_mulai else str(y)
            for y, ids in f.tahun_didanai.items()
            if not ids
        ]
        years = f"{f.tiga_tahun[0]}-{f.tiga_tahun[-1]}"
        out.append(Kriteria(4, not unfunded,
            (f"butir berkode sub kegiatan dan beranggaran di setiap tahun {years}",
             f"items with sub kegiatan codes and budget in every year {years}"),
            (f"belum ada butir berkode sub kegiatan dan beranggaran pada {', '.join(unfunded)} "
             "(rencana kerja dan anggaran 3 tahun terakhir)",
             f"no item with a sub kegiatan code and budget in {', '.join(unfunded)} "
             "(work plan and budget of the last 3 years)")))  # fmt: skip
    return out


_MUATAN = ("tata_kelola", "manajemen", "layanan", "infrastruktur", "aplikasi", "keamanan",
           "audit_tik")  # fmt: skip


def _reviu(f: Fakta) -> Kriteria:
    dates = ", ".join(d.isoformat() for d in f.reviu)
    return Kriteria(
        4, bool(f.reviu), (f"reviu tercatat: {dates}", f"reviews recorded: {dates}"),
        ("catat reviu berkala di spbe.yaml (`reviu`)",
         "record a periodic review in spbe.yaml (`reviu`)"),
    )  # fmt: skip


def _penetapan(f: Fakta, *, needed: bool) -> Kriteria:
    text = f.penetapan or ""
    return Kriteria(
        2 if needed else 5,
        f.penetapan is not None,
        (f"ditetapkan: {text}", f"enacted: {text}"),
        ("catat `penetapan` (nomor Perkada) di spbe.yaml",
         "record `penetapan` (the Perkada number) in spbe.yaml"),
    )  # fmt: skip


def nilai_mandiri(
    result: CheckResult, tahun: int | None = None, today: dt.date | None = None,
    rezim: str | None = None,
) -> list[HasilIndikator]:  # fmt: skip
    """The self-assessed architecture and roadmap indicators of a checked model.

    ``tahun`` is the evaluation year (default: this year): only the regimes in force that
    year are assessed (``8/2026`` from 2026, ``59/2020`` from 2020 to 2026; ``5/2018`` rates the
    Rencana Induk as a whole and is not self-assessed). ``rezim`` limits the result further.
    """
    today = today or dt.date.today()
    fakta = kumpulkan(result, tahun or today.year, today)
    old = load_rezim("59/2020")
    out: list[HasilIndikator] = []
    ladders = {
        1: _arsitektur(fakta, True),
        2: _peta_rencana(fakta, True),
        11: _arsitektur(fakta, False),
        12: _peta_rencana(fakta, False),
    }
    levels: dict[int, int] = {}
    for no, criteria in ladders.items():
        level, bukti, kurang = _ladder(criteria)
        levels[no] = level
        item = old.cari(no)
        assert item is not None
        out.append(HasilIndikator("59/2020", no, item.nama, level, old.nama_level(no, level),
                                  "V", bukti, kurang))  # fmt: skip
    new = load_rezim("8/2026")
    level = min(levels[1], levels[2])
    weaker = 1 if levels[1] <= levels[2] else 2
    pemdi = HasilIndikator(
        "8/2026", 1, new.indikator()[0].nama, level, new.nama_level(1, level), "I",
        [(f"diturunkan dari indikator 59/2020 nomor 1 (level {levels[1]}) dan 2 (level "
          f"{levels[2]}): level terendah", f"derived from 59/2020 indicators 1 (level "
          f"{levels[1]}) and 2 (level {levels[2]}): the lower level")],
        list(out[0 if weaker == 1 else 1].kurang),
    )  # fmt: skip
    out.append(pemdi)
    in_force = set(rezim_pada_tahun(tahun or today.year))
    out = [h for h in out if h.rezim in in_force]
    if rezim is not None:
        out = [h for h in out if h.rezim == normalise(rezim)]
    return out
