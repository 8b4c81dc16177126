"""The evaluation regimes as package data: weights, level names, predicates, years in force.

``data/evaluasi_5_2018.yaml`` (Permenpan RB 5/2018, the 2018–2019 evaluations: 3 domain,
7 aspek, 35 indikator; weights unverified, so no index), ``data/evaluasi_59_2020.yaml``
(Permenpan RB 59/2020, Indeks SPBE: 4 domain, 8 aspek, 47 indikator) and
``data/evaluasi_8_2026.yaml`` (Permenpan RB 8/2026, Indeks Pemdi: 7 aspek, 20 indikator), each
with its sources and confidence marks.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from spbe_arch.messages import LocalizedError
from spbe_arch.packagedata import parse_yaml

REZIM: tuple[str, ...] = ("5/2018", "59/2020", "8/2026")
"""The regimes, oldest first; ``59/2020`` replaced ``5/2018`` in 2020, and ``8/2026`` replaces
``59/2020`` from 1 June 2026."""

_FILES = {
    "5/2018": "evaluasi_5_2018.yaml",
    "59/2020": "evaluasi_59_2020.yaml",
    "8/2026": "evaluasi_8_2026.yaml",
}


class RezimError(LocalizedError, ValueError):
    """An unknown regime, or a regime table that does not hold together."""


@dataclass(frozen=True, slots=True)
class Indikator:
    """One indicator: its number in the regime, name, weight (% of the index), level scale."""

    no: int
    nama: str
    bobot: float
    skala: str
    catatan: str = ""


@dataclass(frozen=True, slots=True)
class Aspek:
    """An aspek: weight (% of the index), its domain number (0 when the regime has none)."""

    no: int
    nama: str
    bobot: float
    domain: int
    keyakinan: str
    indikator: tuple[Indikator, ...]


@dataclass(frozen=True, slots=True)
class Domain:
    """A domain of the 59/2020 regime."""

    no: int
    nama: str
    bobot: float
    keyakinan: str


@dataclass(frozen=True, slots=True)
class Predikat:
    """A predicate: the lowest index that earns it, its name and (8/2026) its level label."""

    min: float
    nama: str
    label: str = ""


@dataclass(frozen=True, slots=True)
class Rezim:
    """One evaluation regime."""

    kode: str
    nama: str
    indeks: str
    sumber: dict[str, str]
    skala: dict[str, dict[int, str]]
    keyakinan_skala: dict[str, str]
    predikat: tuple[Predikat, ...]
    keyakinan_predikat: str
    domain: tuple[Domain, ...]
    aspek: tuple[Aspek, ...]
    mulai: int = 2018
    """The first year the regime was in force."""
    selesai: int | None = None
    """The last year it was in force (None: still in force)."""
    alasan_tidak_didukung: str = ""
    """Why no index is computed under this regime (empty: it is)."""
    alasan_tidak_didukung_en: str = ""

    @property
    def indeks_didukung(self) -> bool:
        """Whether :func:`~spbe_arch.evaluasi.indeks.hitung_indeks` can compute its index."""
        return not self.alasan_tidak_didukung

    def berlaku_pada(self, tahun: int) -> bool:
        """Whether the regime was in force during (part of) ``tahun``."""
        return self.mulai <= tahun and (self.selesai is None or tahun <= self.selesai)

    def indikator(self) -> list[Indikator]:
        """Every indicator, by number."""
        return sorted((i for a in self.aspek for i in a.indikator), key=lambda i: i.no)

    def cari(self, no: int) -> Indikator | None:
        """The indicator with this number, or None."""
        return next((i for i in self.indikator() if i.no == no), None)

    def nama_level(self, no: int, level: int) -> str:
        """The name of a level of one indicator (``Terdefinisi``, ``Transaksi`` …)."""
        item = self.cari(no)
        return self.skala.get(item.skala, {}).get(level, "") if item else ""

    def predikat_of(self, indeks: float) -> Predikat:
        """The predicate an index earns (compared at two decimals, as indices are published)."""
        nilai = round(indeks, 2)
        for p in self.predikat:
            if nilai >= p.min:
                return p
        return self.predikat[-1]


def normalise(kode: str) -> str:
    """``59/2020`` from ``59/2020``, ``59``, ``permenpan_59_2020``; raises :class:`RezimError`."""
    bare = kode.strip().lower().removeprefix("permenpan_").removeprefix("permenpan rb ")
    for known in REZIM:
        number, year = known.split("/")
        if bare in (known, number, f"{number}_{year}", f"{number}-{year}"):
            return known
    raise RezimError(
        f"rezim evaluasi '{kode}' tidak dikenal; pilih {' atau '.join(REZIM)}",
        f"unknown evaluation regime '{kode}'; choose {' or '.join(REZIM)}",
    )


@cache
def load_rezim(kode: str) -> Rezim:
    """The regime table of ``5/2018``, ``59/2020`` or ``8/2026`` (also ``5``, ``59``, ``8``)."""
    key = normalise(kode)
    text = (resources.files("spbe_arch") / "data" / _FILES[key]).read_text(encoding="utf-8")
    return _parse(parse_yaml(text))


def _parse(raw: dict[str, Any]) -> Rezim:
    aspek = tuple(
        Aspek(
            int(a["no"]), str(a["nama"]), float(a["bobot"]), int(a.get("domain", 0)),
            str(a.get("keyakinan", "")),
            tuple(Indikator(int(i["no"]), str(i["nama"]), float(i["bobot"]), str(i["skala"]),
                            str(i.get("catatan", ""))) for i in a["indikator"]),
        )
        for a in raw["aspek"]
    )  # fmt: skip
    skala = raw.get("skala", {})
    return Rezim(
        kode=str(raw["rezim"]),
        nama=str(raw["nama"]),
        indeks=str(raw["indeks"]),
        sumber={str(k): str(v) for k, v in raw.get("sumber", {}).items()},
        skala={k: {int(n): str(v) for n, v in s["level"].items()} for k, s in skala.items()},
        keyakinan_skala={k: str(s.get("keyakinan", "")) for k, s in skala.items()},
        predikat=tuple(
            Predikat(float(p["min"]), str(p["nama"]), str(p.get("label", "")))
            for p in sorted(raw["predikat"]["batas"], key=lambda p: -float(p["min"]))
        ),
        keyakinan_predikat=str(raw["predikat"].get("keyakinan", "")),
        domain=tuple(
            Domain(int(d["no"]), str(d["nama"]), float(d["bobot"]), str(d.get("keyakinan", "")))
            for d in raw.get("domain", [])
        ),
        aspek=aspek,
        mulai=int(raw["tahun_berlaku"]["mulai"]),
        selesai=(
            int(raw["tahun_berlaku"]["selesai"])
            if raw["tahun_berlaku"].get("selesai") is not None
            else None
        ),
        alasan_tidak_didukung=(
            ""
            if raw.get("indeks_didukung", True)
            else " ".join(str(raw["alasan_tidak_didukung"]).split())
        ),
        alasan_tidak_didukung_en=(
            ""
            if raw.get("indeks_didukung", True)
            else " ".join(str(raw["alasan_tidak_didukung_en"]).split())
        ),
    )


def rezim_pada_tahun(tahun: int) -> list[str]:
    """The regimes in force during ``tahun``, oldest first (two in a year of transition)."""
    return [kode for kode in REZIM if load_rezim(kode).berlaku_pada(tahun)]
